using System.Diagnostics;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.FunctionLogs;
using EdgeKv.Domain.Projects;
using EdgeKv.Domain.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// dotnet run -c Release --project bench/EdgeKv.Bench.Logs [-- --lines N --rounds R]
// Prints a Markdown table: ns per ProjectLogBook.Write (N lines into one project, the writer not running, as between
// two of its rounds) and ms per ProjectLogWriter round writing one project's full thousand lines (R rounds, each
// after the table already holds a thousand, so the retention deletes a thousand too).
var lines = ArgumentOr("--lines", 1_000_000);
var rounds = ArgumentOr("--rounds", 20);
var root = Path.Combine(Path.GetTempPath(), "edgekv-bench-logs", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(root);
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ConnectionStrings:Admin"] = $"Data Source={Path.Combine(root, "admin.db")}",
    ["EdgeKv:DataDirectory"] = Path.Combine(root, "kv"),
    ["EdgeKv:Admin:Password"] = "Bench!Passw0rd",
}).Build();
var services = new ServiceCollection();
services.AddLogging();
services.AddEdgeKvDomain(configuration);
services.AddAuthentication();

await using (var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }))
await using (var scope = provider.CreateAsyncScope())
{
    var admin = new Caller(await scope.ServiceProvider.GetRequiredService<DomainSeeder>().SeedAsync(), IsAdmin: true);
    var project = await scope.ServiceProvider.GetRequiredService<ProjectService>().CreateAsync(admin, "bench", null);
    var book = provider.GetRequiredService<ProjectLogBook>();
    var writer = provider.GetRequiredService<ProjectLogWriter>();

    var clock = Stopwatch.StartNew();
    for (var i = 0; i < lines; i++)
    {
        book.Write(project.Id, ProjectLogLevel.Info, "tick", "/api/loop");
    }

    var writeNs = clock.Elapsed.TotalNanoseconds / lines;
    await writer.FlushAsync();

    var roundMs = new List<double>();
    for (var round = 0; round < rounds; round++)
    {
        for (var i = 0; i < ProjectLogBook.MaxEntriesPerProject; i++)
        {
            book.Write(project.Id, ProjectLogLevel.Info, $"round {round} line {i}", "/api/loop");
        }

        clock.Restart();
        await writer.FlushAsync();
        roundMs.Add(clock.Elapsed.TotalMilliseconds);
    }

    roundMs.Sort();
    Console.WriteLine("| measure | value |");
    Console.WriteLine("|---|---|");
    Console.WriteLine($"| ProjectLogBook.Write, {lines:N0} lines into one project | {writeNs:F0} ns/line |");
    Console.WriteLine($"| ProjectLogWriter round, {ProjectLogBook.MaxEntriesPerProject:N0} lines + retention (SQLite), median of {rounds} | {roundMs[rounds / 2]:F1} ms |");
}

SqliteConnection.ClearAllPools();
Directory.Delete(root, recursive: true);

int ArgumentOr(string name, int fallback) =>
    Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
