using System.Text.Json;
using EdgeKv.Core.Registry;
using EdgeKv.Core.Replication;
using EdgeKv.Domain.Data;
using EdgeKv.Domain.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace EdgeKv.Web.Hosting;

/// <summary>
/// <c>/healthz</c> (live: the process answers; it checks nothing else, so a slow disk never gets a live process
/// restarted) and <c>/readyz</c> (ready: the admin database answers with every migration applied, and the engine's
/// data directory is writable). Anonymous, with a minimal JSON body: the status of each check, no details; readiness
/// also names the node's storage (which provider the admin database and the engine are on), so an operator sees
/// which mode a node runs in and whether its database answers, and its read replica as last measured (health, lag,
/// bound). A replica that lags or does not answer leaves the node ready: its eventual reads go to the primary
/// meanwhile (ADR 0014), so taking the node out of a load balancer would only lose capacity.
/// </summary>
internal static class Health
{
    public const string LivePath = "/healthz";
    public const string ReadyPath = "/readyz";
    private const string ReadyTag = "ready";

    public static IServiceCollection AddConsoleHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<AdminDatabaseHealthCheck>("admin-database", tags: [ReadyTag])
            .AddCheck<DataDirectoryHealthCheck>("data-directory", tags: [ReadyTag]);
        return services;
    }

    public static void MapConsoleHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .AllowAnonymous().DisableHttpMetrics();
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteReadinessAsync })
            .AllowAnonymous().DisableHttpMetrics();
    }

    /// <summary><c>{"status":"Healthy","checks":{}}</c>; never an exception's text.</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report) =>
        WriteBodyAsync(context, new { status = report.Status.ToString(), checks = Checks(report) });

    /// <summary>
    /// <c>{"status":"Healthy","checks":{"admin-database":"Healthy",...},"storage":{"admin-database":"Postgres","engine":"Sqlite"},"replica":{"health":"Serving","lag-ms":0,"max-lag-ms":60000}}</c>.
    /// The provider names are configuration values (no host names, no connection strings).
    /// </summary>
    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        var storage = context.RequestServices.GetRequiredService<IOptions<StorageOptions>>().Value;
        return WriteBodyAsync(context, new
        {
            status = report.Status.ToString(),
            checks = Checks(report),
            storage = new Dictionary<string, string>
            {
                ["admin-database"] = storage.AdminProvider.ToString(),
                ["engine"] = storage.EngineProvider.ToString(),
            },
            replica = ReplicaOf(context.RequestServices.GetRequiredService<IKvStoreRegistry>().Replica),
        });
    }

    /// <summary>
    /// This node's read replica as the engine last measured it:
    /// <c>{"health":"Serving","lag-ms":120,"max-lag-ms":60000}</c> (<c>lag-ms</c> null when not measured: none
    /// configured, or unreachable). Its state only, never its error text, which may name hosts, on an anonymous endpoint.
    /// A replica behind or unreachable leaves the node ready: eventual reads then go to the primary.
    /// </summary>
    private static Dictionary<string, object?> ReplicaOf(KvReplicaState replica) => new()
    {
        ["health"] = replica.Health.ToString(),
        ["lag-ms"] = replica.Lag is { } lag ? (long)lag.TotalMilliseconds : null,
        ["max-lag-ms"] = (long)replica.MaxLag.TotalMilliseconds,
    };

    private static Dictionary<string, string> Checks(HealthReport report) =>
        report.Entries.ToDictionary(entry => entry.Key, entry => entry.Value.Status.ToString());

    private static Task WriteBodyAsync(HttpContext context, object body)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }

    /// <summary>The admin database answers a query and has no pending migration (start-up applies them).</summary>
    internal sealed class AdminDatabaseHealthCheck(IDbContextFactory<EdgeKvDbContext> databases) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            // CanConnect answers false for a server that is down or refuses us; a PostgreSQL server that stops
            // mid-query still throws, which the health check service reports as Unhealthy without the text.
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The admin database does not answer.");
            }

            var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
            return pending.Any()
                ? HealthCheckResult.Unhealthy("The admin database has migrations not yet applied.")
                : HealthCheckResult.Healthy();
        }
    }

    /// <summary>A probe file can be created, written, flushed and deleted in the engine's data directory.</summary>
    internal sealed class DataDirectoryHealthCheck(IConfiguration configuration) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var directory = configuration[DataPaths.DataDirectoryKey] ?? Domain.EdgeKvDomainOptions.DefaultDataDirectory;
            var probe = Path.Combine(directory, $".readyz-{Guid.NewGuid():N}");
            try
            {
                await using (var file = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
                {
                    await file.WriteAsync("ok"u8.ToArray(), cancellationToken);
                    await file.FlushAsync(cancellationToken);
                }

                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return HealthCheckResult.Unhealthy("The data directory is not writable.");
            }
        }
    }
}
