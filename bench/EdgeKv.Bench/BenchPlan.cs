namespace EdgeKv.Bench;

/// <summary>
/// How many operations each workload runs; both engines get the same plan. <see cref="Full"/> is the published
/// workload, <see cref="Quick"/> a tenth of it for a sanity run (<c>--quick</c>). Every workload but the list runs
/// in <see cref="Chunks"/> slices, so the harness can alternate the engines slice by slice.
/// </summary>
internal sealed record BenchPlan(int Sets, int Atomics, int Writers, int SetsPerWriter)
{
    /// <summary>Every value written is this many bytes (a Uint8Array in Deno, <c>KvValue.Bytes</c> in EdgeKv).</summary>
    public const int ValueBytes = 100;

    /// <summary>Run first and not reported: every operation once on keys no measured workload touches.</summary>
    public const string WarmUp = "warmup";

    /// <summary>Slices per workload: small enough that the engines alternate every second or so.</summary>
    public const int Chunks = 10;

    /// <summary>The measured workloads, in the order they run (each builds on the keys the ones before wrote).</summary>
    public static IReadOnlyList<string> Workloads { get; } = ["set", "get", "list", "checkAndSet", "sum", "concurrentSet"];

    public static BenchPlan Full { get; } = new(Sets: 20_000, Atomics: 2_000, Writers: 8, SetsPerWriter: 1_000);

    public static BenchPlan Quick { get; } = new(Sets: 2_000, Atomics: 200, Writers: 8, SetsPerWriter: 100);

    /// <summary>How many warm-up keys are written and read (the Deno script uses the same rule).</summary>
    public int WarmUpKeys => Math.Min(500, Sets);

    /// <summary>A list is one iteration over all keys, so it is the one workload that is not sliced.</summary>
    public static int ChunksOf(string workload) => workload == "list" ? 1 : Chunks;

    /// <summary>The indexes [From, To) that slice <paramref name="chunk"/> covers out of <paramref name="total"/>.</summary>
    public static (int From, int To) Slice(int total, int chunk) =>
        ((int)((long)total * chunk / Chunks), (int)((long)total * (chunk + 1) / Chunks));

    /// <summary>The arguments the Deno script takes after its directory.</summary>
    public IEnumerable<string> ScriptArguments() => [$"{Sets}", $"{Atomics}", $"{Writers}", $"{SetsPerWriter}", $"{Chunks}"];
}
