using EdgeKv.Api.Http;
using EdgeKv.Api.Hubs;
using EdgeKv.Api.KvConnect;
using EdgeKv.Api.Outages;
using EdgeKv.Domain.FunctionLogs;
using EdgeKv.Domain.Nodes;
using EdgeKv.Domain.Usage;
using EdgeKv.Functions.Hosting;
using EdgeKv.Web.Account;
using EdgeKv.Web.Components;
using EdgeKv.Web.Downloads;
using EdgeKv.Web.RateLimiting;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using EdgeKv.Web.Theming;
using MudBlazor.Services;

namespace EdgeKv.Web.Hosting;

/// <summary>
/// Composes the console: the engine, the domain, Blazor, MudBlazor, localization, the account and culture endpoints,
/// and the rate limits (per client address on the account forms, per access token on the APIs).
/// Program.cs and the browser tests' server fixture both call these two methods, so they run the same host.
/// </summary>
public static class ConsoleHostExtensions
{
    /// <summary>Registers every service of the console.</summary>
    public static WebApplicationBuilder AddEdgeKvConsole(this WebApplicationBuilder builder)
    {
        DataPaths.ResolveAgainst(builder.Configuration, builder.Configuration, builder.Environment.ContentRootPath);

        // The static web assets manifest (MudBlazor's _content/ files, our wwwroot) is read from the build output in
        // every environment, not only Development; a published app has none and this is then a no-op.
        builder.WebHost.UseStaticWebAssets();
        builder.AddConsoleListeners();

        var services = builder.Services;
        services.AddEdgeKvDomain(builder.Configuration);
        services.AddConsoleServices();

        // The programmatic APIs (KV Connect, the HTTP API and its OpenAPI document), authorized by access tokens.
        services.AddEdgeKvApi();
        services.AddKvHttpApiDocument();

        // Pages Functions: each project's functions in its own sandboxed Deno process (docs/adr/0007-*).
        services.AddEdgeKvFunctions(builder.Configuration);

        // Record values travel over the circuit when typed in the console (CircuitLimits says how much, and why).
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(options => options.MaximumReceiveMessageSize = CircuitLimits.MaxReceiveMessageBytes);
        services.AddSignalR();
        services.AddMudServices();
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(ConsoleCultures.Configure);

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(AccountPaths.ConfigureCookie);
        services.AddAuthorization();
        services.AddScoped<IdentityErrorDescriber, LocalizedIdentityErrorDescriber>();
        services.AddSingleton<DecoyPasswordHash>();
        services.AddConsoleRateLimits();

        services.AddHostedService<ConsoleStartup>();

        // After start-up (which migrates the admin database): usage counted by the engine, written every few seconds.
        services.AddHostedService<UsageFlushService>();

        // And the functions' log lines, written in batches so every node shows the same log and a restart keeps it.
        services.AddHostedService(provider => provider.GetRequiredService<ProjectLogWriter>());

        // And this node's heartbeat, with the console's address, for the admin's 节点 page (docs/cluster.md).
        services.Replace(ServiceDescriptor.Singleton<INodeAddress, ConsoleNodeAddress>());
        services.AddHostedService<NodeHeartbeatService>();
        builder.AddEdgeKvOperations();
        return builder;
    }

    /// <summary>Adds the middleware and maps every endpoint of the console.</summary>
    public static WebApplication UseEdgeKvConsole(this WebApplication app)
    {
        // First: a request on the functions listener is a function call and nothing else (docs/adr/0009-*); the
        // console, its APIs and its health endpoints answer only on their own listeners.
        app.UseEdgeKvFunctionsListener(app.Services.GetRequiredService<ConsoleListeners>().IsFunctionsRequest);
        // Routing where WebApplication would put it, but after the functions branch: a function call is not matched
        // against the console's endpoints first (docs/adr/0009-*, measured per request).
        app.UseRouting();
        app.UseEdgeKvOperations();
        // The developer exception page (traces) only in Development, which no default run profile chooses.
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        // A browser asking for an address no page answers gets the console's 404 page, with status 404. Only requests
        // that ask for HTML: the programmatic APIs answer programs with their own bodies, or none.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

        // The HTTP API answers even routing's own 405 and 415 with its JSON error.
        app.UseKvHttpBareRefusals();
        app.Use((context, next) =>
        {
            if (!context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal)
                && context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            {
                statusCodePages.Enabled = false;
            }

            return next(context);
        });

        // A program whose request meets an unavailable admin database or engine (a database server restarting) gets
        // the API's 503 in its protocol, never the error page: before authentication, whose token lookup may be the
        // first use of the database.
        app.UseKvStorageUnavailableAnswers();
        app.UseRequestLocalization();

        // After localization, so a refused form post reads in the user's language.
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<MustChangePasswordMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapCultureEndpoints();
        app.MapThemeEndpoints();
        app.MapAccountEndpoints();
        app.MapValueDownloadEndpoints();

        // Programs authenticate with bearer tokens: these endpoints require the API's access policies (the token
        // scheme only, never the console's cookie; the hub authorizes each call), take no forms (so no antiforgery)
        // and never redirect.
        app.MapOpenApi().AllowAnonymous();
        app.MapKvConnect();
        app.MapKvHttpApi();
        app.MapKvWatchHub();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
