using System.Net;
using EdgeKv.Api.Access;
using EdgeKv.Api.Http;
using EdgeKv.Api.Hubs;
using EdgeKv.Api.KvConnect;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

[assembly: AssemblyFixture(typeof(EdgeKv.Api.Tests.Support.KvConnectServer))]

namespace EdgeKv.Api.Tests.Support;

/// <summary>
/// One real Kestrel host on 127.0.0.1 for the whole test assembly, with KV Connect, the HTTP API and its OpenAPI
/// document mapped over real SQLite stores.
/// Each test takes its own namespace, so tests never see each other's data. The host listens twice, as a plain-http
/// deployment must: Deno's KV Connect client speaks HTTP/2 only (over plain http: prior-knowledge h2c, which Kestrel
/// serves only on an HTTP/2-only endpoint), while the Node client's fetch speaks HTTP/1.1.
/// </summary>
public sealed class KvConnectServer : IAsyncLifetime
{
    private readonly TestTokenService _tokens = new();
    private WebApplication? _app;

    private ListenOptions? _http1;
    private ListenOptions? _http2;

    /// <summary>The HTTP/1.1 address, e.g. http://127.0.0.1:43210 (Node client, plain HTTP requests).</summary>
    public string Http1Url => $"http://{_http1!.IPEndPoint}";

    /// <summary>The HTTP/2 (h2c) address, e.g. http://127.0.0.1:43211 (Deno).</summary>
    public string Http2Url => $"http://{_http2!.IPEndPoint}";

    internal TestTokenService Tokens => _tokens;

    /// <summary>A new namespace; its <see cref="TestNamespace.Url"/> is on the HTTP/2 address, for Deno.</summary>
    internal Task<TestNamespace> CreateNamespaceAsync(string? budgetGroup = null) => _tokens.CreateNamespaceAsync(Http2Url, budgetGroup);

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                _http1 = listen;
            });
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                _http2 = listen;
            });
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IKvAccessResolver>(_tokens);
        builder.Services.AddKvHttpApiDocument();
        builder.Services.AddKvWatchLimits();
        builder.Services.AddKvAccessPolicies();
        builder.Services.AddSignalR();

        // As in the console host: cookie sign-in, and every endpoint needs a signed-in user unless it says otherwise.
        // KV Connect must not be caught by it (it authorizes by bearer token itself).
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();

        // A short keep-alive so the watch tests see keep-alive frames without waiting long.
        _app.MapKvConnect(options: new KvConnectOptions { WatchKeepAliveInterval = TimeSpan.FromMilliseconds(500) });
        _app.MapKvHttpApi(options: new KvHttpApiOptions { WatchKeepAliveInterval = TimeSpan.FromMilliseconds(500) });
        _app.MapOpenApi().AllowAnonymous();
        _app.MapKvWatchHub();
        await _app.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await _tokens.DisposeAsync();
    }
}
