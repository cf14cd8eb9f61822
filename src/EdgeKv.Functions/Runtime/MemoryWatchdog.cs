using System.Globalization;
using System.Text.Json.Nodes;

namespace EdgeKv.Functions.Runtime;

/// <summary>
/// Bounds a project process's real memory, which V8's heap flag does not: ArrayBuffer and typed-array backing stores
/// live outside the heap. Every <see cref="Interval"/> it reads the process's resident memory (<c>VmRSS</c> of
/// <c>/proc/&lt;pid&gt;/status</c>) and calls <c>exceeded</c> once when it is more than the limit above the
/// resident memory the process had when it said it was about to evaluate the function files
/// (<see cref="WatchLoading"/>): the runtime's own footprint, as a Worker's 128 MB counts the function's memory, not the
/// engine's. One watch from there on bounds the deployment's top-level code while it loads (at deploy and at each
/// start) and its requests once it serves. A cgroup's memory.max would be exact, but it needs a cgroup v2 memory
/// controller delegated to the host, which this machine kind does not have (docs/adr/0009-*): sampling is what
/// works everywhere. Between two samples a function can overshoot by what it allocates in <see cref="Interval"/>.
/// </summary>
internal sealed class MemoryWatchdog : IAsyncDisposable
{
    /// <summary>How often the resident memory is read.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly CancellationTokenSource _stop = new();
    private readonly string _statusFile;
    private readonly long _limitBytes;
    private readonly Action _exceeded;
    private readonly Task _loop;
    private int _over; // 1 once exceeded was called

    private MemoryWatchdog(string statusFile, long limitBytes, Action exceeded)
    {
        _statusFile = statusFile;
        _limitBytes = limitBytes;
        _exceeded = exceeded;
        _loop = WatchAsync(_stop.Token);
    }

    /// <summary>
    /// Answers the runtime's <c>loading</c> frame, which it sends before evaluating any function file and then waits
    /// for the answer (edgekv-runtime.js, <c>awaitWatch</c>): starts watching process <paramref name="processId"/> —
    /// more than <paramref name="megabytes"/> MiB over its resident memory now calls <paramref name="exceeded"/> — and
    /// only then lets it load. The baseline is read here, by the host, while no function code can have run: not a
    /// figure the process reports, nor a fixed allowance that would drift with the Deno version and the machine. Null
    /// where there is no <c>/proc</c> (not Linux) or the process is already gone (it loads unwatched, as before).
    /// </summary>
    public static MemoryWatchdog? WatchLoading(int processId, FrameChannel channel, int megabytes, Action exceeded)
    {
        var watchdog = Start(processId, megabytes, exceeded);
        channel.Write(new JsonObject { ["t"] = "watched" });
        return watchdog;
    }

    private static MemoryWatchdog? Start(int processId, int megabytes, Action exceeded)
    {
        var statusFile = string.Create(CultureInfo.InvariantCulture, $"/proc/{processId}/status");
        return ResidentBytes(statusFile) is { } baseline
            ? new MemoryWatchdog(statusFile, baseline + (megabytes * 1024L * 1024L), exceeded)
            : null;
    }

    /// <summary>The resident memory of the process whose status file is <paramref name="statusFile"/>; null once it is gone.</summary>
    public static long? ResidentBytes(string statusFile)
    {
        try
        {
            foreach (var line in File.ReadLines(statusFile))
            {
                // "VmRSS:	   28672 kB"
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var kilobytes = line.AsSpan("VmRSS:".Length).Trim().TrimEnd("kB").Trim();
                    return long.Parse(kilobytes, NumberStyles.None, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The process ended between two reads.
        }

        return null;
    }

    /// <summary>
    /// Reads the resident memory once now, as at the end of a load: a load can finish within one <see cref="Interval"/>,
    /// and must not count as done over the limit. True (having called <c>exceeded</c>) when it is over.
    /// </summary>
    public bool CheckNow() => Check() == false;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(cancellationToken) && Check() == true)
        {
        }
    }

    // True while the process is within the limit; false once over it (exceeded called, once); null once it is gone.
    private bool? Check()
    {
        switch (ResidentBytes(_statusFile))
        {
            case null:
                return null;
            case var resident when resident > _limitBytes:
                if (Interlocked.Exchange(ref _over, 1) == 0)
                {
                    _exceeded();
                }

                return false;
            default:
                return true;
        }
    }
}
