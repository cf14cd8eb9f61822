using System.Globalization;
using System.Text;

namespace EdgeKv.Bench;

/// <summary>
/// Renders the engines' results side by side as a Markdown table. Each ratio is one EdgeKv backend's throughput over
/// Deno KV's, so a ratio above 1 means that backend is faster.
/// </summary>
internal static class ResultTable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(BenchPlan plan, WorkloadResult sqlite, WorkloadResult postgres, WorkloadResult deno)
    {
        (string Name, string Label, string Unit)[] rows =
        [
            ("set", $"set: {plan.Sets:N0} sequential sets of {BenchPlan.ValueBytes} B", "ops/s"),
            ("get", $"get: {plan.Sets:N0} sequential gets", "ops/s"),
            ("list", $"list: all {plan.Sets:N0} entries under [\"bench\"]", "entries/s"),
            ("checkAndSet", $"atomic check+set: {plan.Atomics:N0} × (get, check versionstamp, set)", "committed tx/s"),
            ("sum", $"atomic sum: {plan.Atomics:N0} × sum([\"counter\"], 1)", "tx/s"),
            ("concurrentSet", $"concurrent set: {plan.Writers} writers × {plan.SetsPerWriter:N0} sets", "total ops/s"),
        ];

        var table = new StringBuilder();
        table.AppendLine("| workload | EdgeKv SQLite | EdgeKv PostgreSQL | Deno KV | SQLite/Deno | PostgreSQL/Deno |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, label, unit) in rows)
        {
            var (onSqlite, onPostgres, theirs) = (sqlite[name], postgres[name], deno[name]);
            table.AppendLine(Invariant, $"| {label} | {Cell(onSqlite, unit)} | {Cell(onPostgres, unit)} | {Cell(theirs, unit)} | " +
                $"{onSqlite.OpsPerSecond / theirs.OpsPerSecond:0.00}× | {onPostgres.OpsPerSecond / theirs.OpsPerSecond:0.00}× |");
        }

        return table.ToString();
    }

    // A list is one operation over many entries: show the time for the whole iteration next to its rate.
    private static string Cell(Measurement measurement, string unit) => measurement.Name == "list"
        ? string.Create(Invariant, $"{measurement.Milliseconds:N1} ms ({measurement.OpsPerSecond:N0} {unit})")
        : string.Create(Invariant, $"{measurement.OpsPerSecond:N0} {unit}");
}
