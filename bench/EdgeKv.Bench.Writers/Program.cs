using System.Globalization;
using EdgeKv.Bench.Writers;
using EdgeKv.Core.Sqlite;
using EdgeKv.Storage.Postgres;
using EdgeKv.Testing.Postgres;

// Usage: dotnet run -c Release --project bench/EdgeKv.Bench.Writers -- [--clients 64] [--seconds 10] [--only sqlite|postgres]
//   [--statements]: also list the PostgreSQL server's statements of the measured seconds (pg_stat_statements)
var clients = Option("--clients", 64);
var measured = TimeSpan.FromSeconds(Option("--seconds", 10));
var warmUp = TimeSpan.FromSeconds(2);
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
using var groups = new GroupSizeListener();
var results = new List<WriterRun.Result>();

if (only is null or "sqlite")
{
    var folder = Path.Combine(Path.GetTempPath(), "edgekv-bench-writers", Guid.NewGuid().ToString("N"));
    Directory.CreateDirectory(folder);
    try
    {
        await using var store = SqliteKvStore.Open(Path.Combine(folder, "ns.kv.sqlite"));
        results.Add(await WriterRun.RunAsync("SQLite (WAL, synchronous=FULL)", store, clients, warmUp, measured, groups, new CpuMeter(null)));
    }
    finally
    {
        Directory.Delete(folder, recursive: true);
    }
}

if (only is null or "postgres")
{
    await using var server = await PostgresServer.StartAsync();
    var options = new PostgresKvStoreOptions { ConnectionString = await server.CreateDatabaseAsync() };
    var statements = args.Contains("--statements") ? await StatementStats.EnableAsync(server, options.ConnectionString) : null;
    await using var store = await PostgresKvStore.OpenAsync(options, "ns");
    var result = await WriterRun.RunAsync(
        "PostgreSQL 15 (synchronous_commit=on)", store, clients, warmUp, measured, groups, new CpuMeter(CpuMeter.PostmasterPid(server.DataDirectory)),
        statements is null ? null : statements.ResetAsync);
    results.Add(result);
    if (statements is not null)
    {
        Console.WriteLine(await statements.RenderAsync(result.Writes));
    }
}

Console.WriteLine("| backend | clients | acknowledged writes/s | p50 ms | p99 ms | commits per transaction | CPU ms per 1,000 writes: EdgeKv process | database server |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
foreach (var r in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {r.Backend} | {r.Clients} | {r.PerSecond:N0} | {r.P50Ms:F2} | {r.P99Ms:F2} | {r.MeanGroup:F1} | {r.CpuPerThousand.Client:F0} | {r.CpuPerThousand.Server:F0} |"));
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) && value > 0
        ? value
        : fallback;
}
