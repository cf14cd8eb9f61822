using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeKv.Functions.Runtime;

/// <summary>
/// The host's end of the runtime's channel, over the Deno process's stdin (to it) and stdout (from it): frames of a
/// 4-byte big-endian length and that many bytes. A frame whose first byte is <c>{</c> is UTF-8 JSON (every message
/// but the two below); the hot path has frames of its own (<see cref="RuntimeFrames"/>): a request carries its
/// metadata as a small JSON array and its body as raw bytes, a response its status and flags as numbers, its headers
/// as JSON and its body raw — no base64, no JSON object model. A writer queues a pooled frame and, when nobody is
/// writing, drains the queue into the pipe itself, all frames queued meanwhile in one write (one write for many
/// requests under load); a pipe with room takes the write at once, so the request's frame leaves on the request's own
/// thread, with no hand-over to another (each hand-over was a thread-pool wake-up per request, measured under
/// bench/functions.sh on two cores). One reader reads; the pipe reader takes what the process wrote in as few reads
/// as it can.
/// </summary>
internal sealed class FrameChannel
{
    /// <summary>A frame carries at most a body or a value (raw, or in base64 in a JSON message) and some metadata.</summary>
    public const int MaxFrameBytes = 64 * 1024 * 1024;

    // A batch buffer per thread: a drain runs on whichever thread found the queue idle.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_batch;

    private readonly PipeReader _input;
    private readonly Stream _output;
    private readonly ConcurrentQueue<PooledFrame> _queue = new();
    private readonly Action _writeFailed;
    private int _writing; // 1 while one writer drains the queue
    private volatile bool _closed;

    /// <param name="toRuntime">The process's stdin.</param>
    /// <param name="fromRuntime">The process's stdout.</param>
    /// <param name="writeFailed">Called once when a write fails (the process is gone or its stdin closed).</param>
    public FrameChannel(Stream toRuntime, Stream fromRuntime, Action? writeFailed = null)
    {
        _input = PipeReader.Create(fromRuntime, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024));
        _output = toRuntime;
        _writeFailed = writeFailed ?? (() => { });
    }

    /// <summary>Queues a JSON message.</summary>
    public void Write(JsonObject message)
    {
        var frame = PooledFrame.Start();
        using (var json = new Utf8JsonWriter(frame.Writer))
        {
            message.WriteTo(json);
        }

        Enqueue(frame);
    }

    /// <summary>Queues a request frame (<see cref="RuntimeFrames.WriteRequest"/>).</summary>
    public void WriteRequest(uint id, FunctionRequest request)
    {
        var frame = PooledFrame.Start();
        RuntimeFrames.WriteRequest(frame.Writer, id, request);
        Enqueue(frame);
    }

    /// <summary>Stops writing (nothing queued after this is sent).</summary>
    public void Complete()
    {
        _closed = true;
        DisposeQueued();
    }

    /// <summary>The next frame, or null at the end of the stream (the process exited).</summary>
    public async Task<RuntimeFrame?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await _input.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            if (TryTake(ref buffer, out var frame))
            {
                _input.AdvanceTo(buffer.Start);
                return frame;
            }

            if (read.IsCompleted)
            {
                _input.AdvanceTo(buffer.End);
                return null;
            }

            _input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static bool TryTake(ref ReadOnlySequence<byte> buffer, out RuntimeFrame? frame)
    {
        frame = null;
        if (buffer.Length < 4)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[4];
        buffer.Slice(0, 4).CopyTo(header);
        var length = BinaryPrimitives.ReadUInt32BigEndian(header);
        if (length > MaxFrameBytes)
        {
            throw new InvalidDataException($"A frame of {length} bytes from the runtime exceeds {MaxFrameBytes}.");
        }

        if (buffer.Length < 4 + length)
        {
            return false;
        }

        var payload = buffer.Slice(4, length);
        // Most frames are small and in one segment; a frame across segments is copied once.
        frame = payload.IsSingleSegment ? RuntimeFrames.Read(payload.FirstSpan) : RuntimeFrames.Read(payload.ToArray());
        buffer = buffer.Slice(payload.End);
        return true;
    }

    private void Enqueue(PooledFrame frame)
    {
        frame.Finish();
        if (_closed)
        {
            frame.Dispose();
            return;
        }

        _queue.Enqueue(frame);
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
        {
            _ = DrainAsync();
        }
    }

    // Runs on the thread that found nobody writing, until the pipe makes it wait. One frame alone is written as it is;
    // several queued meanwhile are copied into one batch and written at once. A frame queued just as the drain ends
    // is taken by a new drain, started by whichever of the two threads sees it first.
    private async Task DrainAsync()
    {
        try
        {
            do
            {
                while (!_closed && _queue.TryDequeue(out var first))
                {
                    if (!_queue.TryDequeue(out var next))
                    {
                        using (first)
                        {
                            await _output.WriteAsync(first.Memory);
                        }

                        continue;
                    }

                    await WriteBatchAsync(first, next);
                }

                Volatile.Write(ref _writing, 0);
            }
            while (!_queue.IsEmpty && !_closed && Interlocked.CompareExchange(ref _writing, 1, 0) == 0);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or InvalidOperationException)
        {
            _closed = true;
            _writeFailed();
        }

        if (_closed)
        {
            DisposeQueued();
        }
    }

    private async Task WriteBatchAsync(PooledFrame first, PooledFrame next)
    {
        const int BatchBytes = 256 * 1024;
        var batch = t_batch ??= new ArrayBufferWriter<byte>(BatchBytes);
        t_batch = null; // this thread's batch is ours until the write ends (another drain on this thread takes a new one)
        batch.ResetWrittenCount();
        batch.Write(first.Memory.Span);
        first.Dispose();
        do
        {
            batch.Write(next.Memory.Span);
            next.Dispose();
        }
        while (batch.WrittenCount < BatchBytes && _queue.TryDequeue(out next!));

        await _output.WriteAsync(batch.WrittenMemory);
        if (batch.Capacity <= 4 * BatchBytes)
        {
            t_batch = batch; // a large body passed: let its buffer go
        }
    }

    private void DisposeQueued()
    {
        while (_queue.TryDequeue(out var left))
        {
            left.Dispose();
        }
    }

    // One frame being written: its 4-byte length first, filled in by Finish; the buffer comes from the pool.
    private sealed class PooledFrame : IDisposable
    {
        private PooledFrame(ArrayBufferWriter<byte> writer) => Writer = writer;

        public ArrayBufferWriter<byte> Writer { get; }

        public ReadOnlyMemory<byte> Memory => Writer.WrittenMemory;

        public static PooledFrame Start()
        {
            var writer = Pool.TryTake(out var kept) ? kept : new ArrayBufferWriter<byte>(512);
            writer.Advance(4);
            return new PooledFrame(writer);
        }

        public void Finish()
        {
            var length = Writer.WrittenCount - 4;
            if (length > MaxFrameBytes)
            {
                throw new InvalidDataException($"A frame of {length} bytes to the runtime exceeds {MaxFrameBytes}.");
            }

            // ArrayBufferWriter hands out only its unwritten tail; the prefix is written where Start left room for it.
            BinaryPrimitives.WriteUInt32BigEndian(MemoryMarshal.AsMemory(Writer.WrittenMemory).Span, (uint)length);
        }

        public void Dispose() => Pool.Return(Writer);
    }

    // Frame buffers are reused: a request's frame is written and sent within microseconds, so a few suffice.
    private static class Pool
    {
        private const int KeptBytes = 64 * 1024;
        private static readonly ConcurrentBag<ArrayBufferWriter<byte>> s_writers = [];

        public static bool TryTake(out ArrayBufferWriter<byte> writer)
        {
            if (s_writers.TryTake(out var kept))
            {
                writer = kept;
                return true;
            }

            writer = null!;
            return false;
        }

        public static void Return(ArrayBufferWriter<byte> writer)
        {
            // A large body's buffer is not kept; small ones are (ResetWrittenCount keeps the array).
            if (writer.Capacity <= KeptBytes && s_writers.Count < 256)
            {
                writer.ResetWrittenCount();
                s_writers.Add(writer);
            }
        }
    }
}
