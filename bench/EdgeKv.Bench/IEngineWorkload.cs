namespace EdgeKv.Bench;

/// <summary>
/// One engine, opened on its own fresh directory, ready to run the benchmark's workloads slice by slice and in
/// order (<see cref="BenchPlan.Workloads"/>, after <see cref="BenchPlan.WarmUp"/>). Disposing closes the engine,
/// checks its final state and deletes its directory.
/// </summary>
internal interface IEngineWorkload : IAsyncDisposable
{
    /// <summary>The engine and runtime, as printed under the table.</summary>
    string Runtime { get; }

    /// <summary>Runs slice <paramref name="chunk"/> of a workload and reports what it completed and how long it took.</summary>
    Task<Measurement> RunAsync(string workload, int chunk = 0);
}
