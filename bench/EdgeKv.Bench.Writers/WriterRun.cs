using System.Diagnostics;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Core.Values;

namespace EdgeKv.Bench.Writers;

/// <summary>One measured run: <c>clients</c> tasks, each awaiting one set after another on keys of its own.</summary>
internal static class WriterRun
{
    private static readonly KvValue Value = KvValue.Bytes(new byte[100]);

    public sealed record Result(
        string Backend, int Clients, long Writes, TimeSpan Elapsed, double P50Ms, double P99Ms, double MeanGroup, TimeSpan ClientCpu, TimeSpan ServerCpu)
    {
        public double PerSecond => Writes / Elapsed.TotalSeconds;

        /// <summary>CPU milliseconds per 1,000 writes, in this process and in the database server.</summary>
        public (double Client, double Server) CpuPerThousand => (ClientCpu.TotalMilliseconds * 1000 / Writes, ServerCpu.TotalMilliseconds * 1000 / Writes);
    }

    public static async Task<Result> RunAsync(
        string backend, IKvStore store, int clients, TimeSpan warmUp, TimeSpan measured, GroupSizeListener groups, CpuMeter cpu,
        Func<Task>? beforeMeasured = null)
    {
        await WriteForAsync(store, clients, warmUp, "warmup");
        if (beforeMeasured is not null)
        {
            await beforeMeasured();
        }

        groups.Take();
        var (clientBefore, serverBefore) = cpu.Read();
        var stopwatch = Stopwatch.StartNew();
        var latencies = await WriteForAsync(store, clients, measured, "bench");
        stopwatch.Stop();
        var (clientAfter, serverAfter) = cpu.Read();
        var (groupCount, commits) = groups.Take();
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(
            backend, clients, all.Length, stopwatch.Elapsed, all[all.Length / 2], all[(int)(all.Length * 0.99)],
            groupCount == 0 ? 0 : (double)commits / groupCount, clientAfter - clientBefore, serverAfter - serverBefore);
    }

    private static async Task<List<double>[]> WriteForAsync(IKvStore store, int clients, TimeSpan duration, string prefix)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var latencies = new List<double>();
            for (var i = 0; Stopwatch.GetTimestamp() < until; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await store.SetAsync(new KvKey(prefix, client, i), Value);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            return latencies;
        })));
    }
}
