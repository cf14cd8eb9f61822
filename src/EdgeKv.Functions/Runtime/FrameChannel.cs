using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeKv.Functions.Runtime;

/// <summary>
/// The host's end of the runtime's channel: frames of a 4-byte big-endian length and that many bytes of UTF-8 JSON,
/// over the Deno process's stdin (to it) and stdout (from it). Writes are serialized; one reader reads.
/// </summary>
internal sealed class FrameChannel
{
    /// <summary>A frame carries at most a body or a value in base64 and some JSON around it.</summary>
    public const int MaxFrameBytes = 64 * 1024 * 1024;

    private readonly Stream _input;
    private readonly Stream _output;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public FrameChannel(Stream toRuntime, Stream fromRuntime)
    {
        _input = fromRuntime;
        _output = toRuntime;
    }

    public async Task WriteAsync(JsonObject message, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(message);
        var header = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)payload.Length);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await _output.WriteAsync(header, cancellationToken);
            await _output.WriteAsync(payload, cancellationToken);
            await _output.FlushAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>The next frame, or null at the end of the stream (the process exited).</summary>
    public async Task<JsonObject?> ReadAsync(CancellationToken cancellationToken)
    {
        var header = new byte[4];
        if (!await FillAsync(header, cancellationToken))
        {
            return null;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(header);
        if (length > MaxFrameBytes)
        {
            throw new InvalidDataException($"A frame of {length} bytes from the runtime exceeds {MaxFrameBytes}.");
        }

        var payload = new byte[length];
        if (!await FillAsync(payload, cancellationToken))
        {
            return null;
        }

        return JsonNode.Parse(payload) as JsonObject ?? throw new InvalidDataException("A frame from the runtime is not a JSON object.");
    }

    private async Task<bool> FillAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await _input.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                return false;
            }

            filled += read;
        }

        return true;
    }
}
