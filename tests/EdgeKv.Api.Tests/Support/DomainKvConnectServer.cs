using System.Net;
using EdgeKv.Api.Http;
using EdgeKv.Api.Hubs;
using EdgeKv.Api.KvConnect;
using EdgeKv.Api.Outages;
using EdgeKv.Core.Registry;
using EdgeKv.Core.Store;
using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Identity;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Domain.Seeding;
using EdgeKv.Domain.Tokens;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EdgeKv.Api.Tests.Support;

/// <summary>
/// A real Kestrel host composed as the web host composes it: the real domain (<c>AddEdgeKvDomain</c>) on a temporary
/// admin database migrated and seeded with the real migrations and seeder, the real engine registry, and
/// <c>AddEdgeKvApi</c>, so KV Connect and the HTTP API authorize programs through the domain's access tokens. Users,
/// accounts, namespaces and tokens are made through the domain services, as people make them in the console. HTTP/2
/// for Deno's client (the HTTP API tests speak HTTP/2 to it too), and HTTP/1.1 for the watch hub's SignalR client.
/// </summary>
public sealed class DomainKvConnectServer : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private WebApplication? _app;

    /// <summary>A node on its own SQLite files (the class fixture).</summary>
    public DomainKvConnectServer()
        : this(new Dictionary<string, string?>())
    {
    }

    private DomainKvConnectServer(IReadOnlyDictionary<string, string?> settings) => _settings = settings;

    /// <summary>
    /// A started node of a cluster: admin database and engine on the PostgreSQL database at
    /// <paramref name="connectionString"/>, which other nodes made this way share; <paramref name="settings"/> adds to
    /// its configuration (e.g. a read replica).
    /// </summary>
    public static async Task<DomainKvConnectServer> StartNodeAsync(string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var node = new DomainKvConnectServer(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["EdgeKv:Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Admin"] = connectionString,
        });
        await node.InitializeAsync();
        return node;
    }

    /// <summary>The host's services (e.g. its event hub).</summary>
    public IServiceProvider Services => _app!.Services;
    private ListenOptions? _http2;
    private ListenOptions? _http1;

    /// <summary>The HTTP/2 (h2c) address, e.g. http://127.0.0.1:43211.</summary>
    public string Http2Url => $"http://{_http2!.IPEndPoint}";

    /// <summary>The HTTP/1.1 address (the SignalR client's negotiation and transports speak HTTP/1.1).</summary>
    public string Http1Url => $"http://{_http1!.IPEndPoint}";

    /// <summary>The seeded admin.</summary>
    public Caller Admin { get; private set; } = new("", IsAdmin: true);

    /// <summary>The KV Connect database URL of a namespace (its engine store id), for <c>Deno.openKv</c>.</summary>
    public string UrlOf(NamespaceView ns) => $"{Http2Url}/kv/connect/{ns.StoreId}";

    /// <summary>An HTTP client of this host (HTTP/2 with prior knowledge, as Deno speaks to it).</summary>
    public HttpClient CreateHttpClient() => new()
    {
        BaseAddress = new Uri(Http2Url),
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    /// <summary>The environment of a Deno script that opens <paramref name="ns"/>.</summary>
    public IReadOnlyDictionary<string, string> ScriptEnvironmentFor(NamespaceView ns) =>
        new Dictionary<string, string> { ["EDGEKV_URL"] = UrlOf(ns) };

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Admin"] = $"Data Source={_directory.File("admin.db")}",
            ["EdgeKv:DataDirectory"] = _directory.File("kv"),
            ["EdgeKv:Admin:Password"] = "Adm1n!Tests",
        });
        builder.Configuration.AddInMemoryCollection(_settings);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                _http2 = listen;
            });
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                _http1 = listen;
            });
        });
        builder.Logging.ClearProviders();

        builder.Services.AddEdgeKvDomain(builder.Configuration);
        builder.Services.AddEdgeKvApi();
        builder.Services.AddSignalR();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        // Test-only: fewer PBKDF2 rounds, so creating users is quick.
        builder.Services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1_000);
        _app = builder.Build();
        _app.UseKvStorageUnavailableAnswers();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapKvConnect();
        _app.MapKvHttpApi();
        _app.MapKvWatchHub();

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Admin = new Caller(await scope.ServiceProvider.GetRequiredService<DomainSeeder>().SeedAsync(), IsAdmin: true);
        }

        await _app.StartAsync();
    }

    /// <summary>A new user whose KV account was applied for and approved by the admin.</summary>
    public Task<(Caller User, int AccountId)> CreateOpenUserAsync(string name) => InScopeAsync(async services =>
    {
        var email = $"{name}-{Guid.NewGuid():N}@example.test";
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = name, CreatedAt = DateTime.UtcNow };
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True((await users.CreateAsync(user, "Passw0rd!")).Succeeded);
        var caller = new Caller(user.Id, IsAdmin: false);
        var accounts = services.GetRequiredService<AccountApplicationService>();
        var applied = await accounts.ApplyAsync(caller, "programs", TestContext.Current.CancellationToken);
        await accounts.ApproveAsync(Admin, applied.AccountId!.Value, null, TestContext.Current.CancellationToken);
        return (caller, applied.AccountId.Value);
    });

    /// <summary>A namespace of <paramref name="owner"/>, created through the namespace service.</summary>
    public Task<NamespaceView> CreateNamespaceAsync(Caller owner, string name = "main") =>
        InScopeAsync(services => services.GetRequiredService<NamespaceService>().CreateAsync(owner, name, null, TestContext.Current.CancellationToken));

    /// <summary>A token of <paramref name="owner"/> over <paramref name="ns"/>, created through the token service.</summary>
    public Task<CreatedAccessToken> CreateTokenAsync(Caller owner, NamespaceView ns, AccessTokenPermission permission) =>
        InScopeAsync(services => services.GetRequiredService<AccessTokenService>().CreateAsync(
            owner, new NewAccessToken("deno", [ns.Id], permission), TestContext.Current.CancellationToken));

    /// <summary>
    /// The arrange most tests of a node start with, in one call: a new user <paramref name="name"/> whose account is
    /// approved, their namespace <paramref name="namespaceName"/> and a read-write token over it.
    /// </summary>
    public async Task<NamespaceOwner> CreateNamespaceOwnerAsync(string name, string namespaceName = "main")
    {
        var (user, accountId) = await CreateOpenUserAsync(name);
        var ns = await CreateNamespaceAsync(user, namespaceName);
        return new NamespaceOwner(user, accountId, ns, await CreateTokenAsync(user, ns, AccessTokenPermission.ReadWrite));
    }

    /// <summary>A token of <paramref name="owner"/> over all namespaces of their account (account-level operations).</summary>
    public Task<CreatedAccessToken> CreateAccountTokenAsync(Caller owner, AccessTokenPermission permission) =>
        InScopeAsync(services => services.GetRequiredService<AccessTokenService>().CreateAsync(
            owner, new NewAccessToken("account", [], permission, AllNamespaces: true), TestContext.Current.CancellationToken));

    /// <summary>The namespaces of <paramref name="owner"/>, as the console lists them.</summary>
    public Task<IReadOnlyList<NamespaceView>> NamespacesOfAsync(Caller owner) =>
        InScopeAsync(services => services.GetRequiredService<NamespaceService>().ListAsync(owner, null, TestContext.Current.CancellationToken));

    /// <summary>The engine store of a namespace, to arrange and check data beside Deno.</summary>
    public Task<IKvStore> StoreAsync(NamespaceView ns) =>
        _app!.Services.GetRequiredService<IKvStoreRegistry>().OpenAsync(ns.StoreId, TestContext.Current.CancellationToken);

    /// <summary>Runs <paramref name="action"/> with the services of a fresh scope (as one request or circuit has).</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Runs <paramref name="action"/> with the services of a fresh scope.</summary>
    public Task InScopeAsync(Func<IServiceProvider, Task> action) => InScopeAsync(async services =>
    {
        await action(services);
        return true;
    });

    /// <summary>The audit entries that name <paramref name="tokenId"/>, newest first (as an admin reads the audit log).</summary>
    public Task<IReadOnlyList<AuditEntry>> AuditOfTokenAsync(int tokenId) =>
        InScopeAsync(services => services.GetRequiredService<AuditLogService>().ListAsync(
            Admin, new AuditQuery(AccessTokenId: tokenId), TestContext.Current.CancellationToken));

    /// <summary>The token as the tokens page shows it (last use, counts), after writing the uses counted so far.</summary>
    public Task<AccessTokenView> TokenAfterFlushAsync(int tokenId) => InScopeAsync(async services =>
    {
        await services.GetRequiredService<AccessTokenUsageWriter>().FlushAsync(TestContext.Current.CancellationToken);
        return await services.GetRequiredService<AccessTokenService>().GetAsync(Admin, tokenId, TestContext.Current.CancellationToken);
    });

    /// <summary>The token's last use as the tokens page shows it, after writing the uses counted so far.</summary>
    public async Task<DateTime?> LastUsedAtAsync(int tokenId) => (await TokenAfterFlushAsync(tokenId)).LastUsedAt;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        // Pooled connections keep admin.db open; release them so the folder can go.
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
