namespace EdgeKv.Bench;

/// <summary>
/// How many operations each workload runs; both engines get the same plan. <see cref="Full"/> is the published
/// workload, <see cref="Quick"/> a tenth of it for a sanity run (<c>--quick</c>).
/// </summary>
internal sealed record BenchPlan(int Sets, int Atomics, int Writers, int SetsPerWriter)
{
    /// <summary>Keys written and read once before measuring (outside every measured range), to warm JIT and caches.</summary>
    public int Warmup => Math.Min(500, Sets);

    public static BenchPlan Full { get; } = new(Sets: 20_000, Atomics: 2_000, Writers: 8, SetsPerWriter: 1_000);

    public static BenchPlan Quick { get; } = new(Sets: 2_000, Atomics: 200, Writers: 8, SetsPerWriter: 100);

    /// <summary>Every value written is this many bytes (a Uint8Array in Deno, <c>KvValue.Bytes</c> in EdgeKv).</summary>
    public const int ValueBytes = 100;
}
