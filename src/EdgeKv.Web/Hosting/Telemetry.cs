using EdgeKv.Core.Diagnostics;
using EdgeKv.Web.Diagnostics;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace EdgeKv.Web.Hosting;

/// <summary>
/// Metrics: EdgeKv's one meter (<see cref="KvMetrics.MeterName"/>: the engine, the APIs, the console) exported by
/// OpenTelemetry in the Prometheus text format at <see cref="MetricsOptions.Path"/>, for the networks
/// <see cref="MetricsOptions"/> allows (loopback by default). docs/observability.md lists the instruments.
/// </summary>
internal static class Telemetry
{
    public static IServiceCollection AddConsoleTelemetry(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(KvMetrics.MeterName)
            // Every scrape reads the instruments as they are: the exporter's default 300 ms response cache would answer
            // a scrape right after another with the older figures (a watch just opened would be missing).
            .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0));
        services.AddSingleton<ConsoleMetrics>();
        return services;
    }

    public static void MapConsoleMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (!options.Enabled)
        {
            return;
        }

        // The gauges read the registry from the moment the endpoint exists.
        app.Services.GetRequiredService<ConsoleMetrics>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("EdgeKv.Web.Metrics");
        var allowed = string.Join(", ", options.AllowedNetworks);
        app.UseWhen(context => context.Request.Path.StartsWithSegments(MetricsOptions.Path), branch => branch.Use((context, next) =>
        {
            if (options.Allows(context.Connection.RemoteIpAddress))
            {
                return next(context);
            }

            ConsoleLog.MetricsRefused(logger, context.Connection.RemoteIpAddress?.ToString(), allowed);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }));
        app.MapPrometheusScrapingEndpoint(MetricsOptions.Path).AllowAnonymous();
    }
}
