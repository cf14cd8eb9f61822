using System.Diagnostics;

namespace EdgeKv.Bench;

/// <summary>
/// Measures what one durable write costs on the disk the stores use right now: the median time to overwrite 4 KiB
/// and fsync it. Sequential durable commits cannot beat this floor, and on a shared machine it moves from one minute
/// to the next, so the report prints it from before and after the run.
/// </summary>
internal static class DiskProbe
{
    private const int Samples = 101;

    public static double MedianFsyncMilliseconds()
    {
        var directory = Directory.CreateTempSubdirectory("edgekv-bench-probe-");
        try
        {
            using var file = new FileStream(Path.Combine(directory.FullName, "probe"), FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None);
            var block = new byte[4096];
            file.Write(block);
            file.Flush(flushToDisk: true);
            var samples = new double[Samples];
            for (var i = 0; i < Samples; i++)
            {
                var started = Stopwatch.GetTimestamp();
                file.Position = 0;
                file.Write(block);
                file.Flush(flushToDisk: true);
                samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }

            Array.Sort(samples);
            return samples[Samples / 2];
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
