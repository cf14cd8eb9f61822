using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace EdgeKv.Core.Diagnostics;

/// <summary>
/// The one <see cref="Meter"/> of EdgeKv, named <see cref="MeterName"/>, and the engine's instruments on it. Other
/// layers (the APIs, the console) add their instruments to the same meter, so an exporter that listens to
/// <see cref="MeterName"/> sees everything. Instruments cost nothing while no listener is attached.
/// </summary>
public static class KvMetrics
{
    /// <summary>The name of EdgeKv's meter; subscribe to it (e.g. OpenTelemetry's <c>AddMeter</c>) to export.</summary>
    public const string MeterName = "EdgeKv";

    /// <summary>The shared meter.</summary>
    public static Meter Meter { get; } = new(MeterName);

    private static readonly Counter<long> Operations = Meter.CreateCounter<long>(
        "edgekv.kv.operations", "{operation}", "Engine operations by kind (read, list, commit, sweep) and outcome (ok, check_failed, error).");

    private static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>(
        "edgekv.kv.commit.duration", "s", "Time from a commit being queued to its durable outcome (fsync included).");

    private static readonly Histogram<long> GroupSize = Meter.CreateHistogram<long>(
        "edgekv.kv.group_commit.size", "{commit}", "Commits applied together in one transaction (one fsync).");

    private static readonly Counter<long> BackgroundFailures = Meter.CreateCounter<long>(
        "edgekv.kv.background.failures", "{failure}", "Failures of the engine's background tasks (expiry sweep, checkpoint), which are retried.");

    /// <summary>Counts one operation of <paramref name="kind"/> that ended with <paramref name="outcome"/>.</summary>
    internal static void Operation(string kind, string outcome) =>
        Operations.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>Records a commit's latency from <paramref name="startTimestamp"/> (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    internal static void CommitCompleted(long startTimestamp, string outcome)
    {
        CommitDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
        Operation(OperationKinds.Commit, outcome);
    }

    /// <summary>Records the size of one group commit.</summary>
    internal static void GroupCommitted(int commits) => GroupSize.Record(commits);

    /// <summary>Counts a failed background round of <paramref name="task"/>.</summary>
    internal static void BackgroundFailed(string task) =>
        BackgroundFailures.Add(1, new KeyValuePair<string, object?>("task", task));

    /// <summary>The <c>kind</c> tag values.</summary>
    internal static class OperationKinds
    {
        public const string Read = "read";
        public const string List = "list";
        public const string Commit = "commit";
        public const string Sweep = "sweep";
    }

    /// <summary>The <c>outcome</c> tag values.</summary>
    internal static class Outcomes
    {
        public const string Ok = "ok";
        public const string CheckFailed = "check_failed";
        public const string Error = "error";
    }
}
