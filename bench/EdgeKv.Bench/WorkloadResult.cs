namespace EdgeKv.Bench;

/// <summary>One engine's run of the whole plan: who ran it and what each workload measured.</summary>
internal sealed record WorkloadResult(string Runtime, IReadOnlyList<Measurement> Measurements)
{
    public Measurement this[string name] =>
        Measurements.FirstOrDefault(m => m.Name == name)
        ?? throw new InvalidOperationException($"{Runtime} reported no '{name}' measurement.");

    /// <summary>
    /// Per workload, the median of several rounds by throughput (the upper middle for an even count): one slow
    /// round, from another process's burst of disk or CPU use, then moves no row.
    /// </summary>
    /// <summary>One round's result from its slices: per workload, the operations and times added up.</summary>
    public static WorkloadResult FromSlices(string runtime, IEnumerable<Measurement> slices) => new(
        runtime,
        [.. slices.GroupBy(m => m.Name).Select(g => new Measurement(g.Key, g.Sum(m => m.Ops), g.Sum(m => m.Milliseconds)))]);

    public static WorkloadResult Median(IReadOnlyList<WorkloadResult> rounds) => new(
        rounds[0].Runtime,
        [.. rounds[0].Measurements.Select(first =>
            rounds.Select(round => round[first.Name]).OrderBy(m => m.OpsPerSecond).ElementAt(rounds.Count / 2))]);
}
