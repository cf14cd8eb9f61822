namespace EdgeKv.Bench;

/// <summary>
/// One timed workload: <see cref="Ops"/> completed operations (committed transactions, listed entries) in
/// <see cref="Milliseconds"/> of wall-clock time. The names match the JSON the Deno script prints.
/// </summary>
internal sealed record Measurement(string Name, int Ops, double Milliseconds)
{
    public double OpsPerSecond => Ops / (Milliseconds / 1000.0);
}
