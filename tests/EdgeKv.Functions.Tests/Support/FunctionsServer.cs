using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using EdgeKv.Api.Http;
using EdgeKv.Core.Registry;
using EdgeKv.Core.Store;
using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Bindings;
using EdgeKv.Domain.FunctionLogs;
using EdgeKv.Domain.Identity;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Domain.Projects;
using EdgeKv.Domain.Seeding;
using EdgeKv.Domain.Tokens;
using EdgeKv.Functions.Hosting;
using EdgeKv.Testing.Repository;
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

namespace EdgeKv.Functions.Tests.Support;

/// <summary>
/// A real Kestrel host on 127.0.0.1 composed as the web host composes it: the real domain on a temporary admin
/// database migrated with the real migrations, the engine registry, the HTTP API (for deploys) and the functions at
/// <c>/functions/{projectId}/</c>, with a fallback policy that requires a signed-in user (as the console's does), so
/// the functions' anonymity is tested too. A second listener is the functions listener, composed as the web host composes it. Users, projects, namespaces and bindings are made through the domain
/// services. The wall-time limit is <see cref="WallTime"/>, short, so the runaway test is quick.
/// </summary>
public class FunctionsServer : IAsyncLifetime
{
    public static readonly TimeSpan WallTime = TimeSpan.FromSeconds(4);

    /// <summary>Requests one project answers at once here (small, so the limit test holds few requests).</summary>
    public const int MaxConcurrentRequests = 8;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "edgekv-functions-tests", Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private ListenOptions? _listen;
    private ListenOptions? _functionsListen;

    public string Url => $"http://{_listen!.IPEndPoint}";

    /// <summary>The functions listener, as the web host has one: by host <c>p{id}.localhost</c> and by <c>/functions/{id}/</c>.</summary>
    public string FunctionsUrl => $"http://{_functionsListen!.IPEndPoint}";

    public int Port => _listen!.IPEndPoint!.Port;

    public Caller Admin { get; private set; } = new("", IsAdmin: true);

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Settings a derived server adds or overrides (e.g. outbound network on).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Admin"] = $"Data Source={Path.Combine(_directory, "admin.db")}",
            ["EdgeKv:DataDirectory"] = Path.Combine(_directory, "kv"),
            ["EdgeKv:Admin:Password"] = "Adm1n!Tests",
            ["EdgeKv:Functions:DenoPath"] = DenoRuntime.Path(),
            ["EdgeKv:Functions:WorkDirectory"] = Path.Combine(_directory, "functions"),
            ["EdgeKv:Functions:WallTime"] = WallTime.ToString(),
            ["EdgeKv:Functions:MaxConcurrentRequests"] = MaxConcurrentRequests.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The host's own secret, which no function may read.
            ["EdgeKv:Secret"] = "not-for-functions",
        });
        builder.Configuration.AddInMemoryCollection(Settings);
        Environment.SetEnvironmentVariable("EDGEKV_HOST_SECRET", "host-secret-value");
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                _listen = listen;
            });
            kestrel.Listen(IPAddress.Loopback, 0, listen => _functionsListen = listen);
        });
        builder.Logging.ClearProviders();

        builder.Services.AddEdgeKvDomain(builder.Configuration);
        builder.Services.AddEdgeKvApi();
        builder.Services.AddEdgeKvFunctions(builder.Configuration);
        // As the console host: the functions' log lines written to the admin database (started after seeding migrated it).
        builder.Services.AddHostedService(provider => provider.GetRequiredService<ProjectLogWriter>());
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1_000);
        _app = builder.Build();
        _app.UseEdgeKvFunctionsListener(context => context.Connection.LocalPort == _functionsListen!.IPEndPoint!.Port);
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapKvHttpApi();
        _app.MapEdgeKvFunctions();

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Admin = new Caller(await scope.ServiceProvider.GetRequiredService<DomainSeeder>().SeedAsync(), IsAdmin: true);
        }

        await _app.StartAsync();
    }

    /// <summary>An HTTP client of this host.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>A user with an approved account, and a read-write token over all their namespaces (it deploys).</summary>
    public Task<(Caller User, string Token)> CreateOwnerAsync(string name) => InScopeAsync(async services =>
    {
        var email = $"{name}-{Guid.NewGuid():N}@example.test";
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = name, CreatedAt = DateTime.UtcNow };
        Assert.True((await services.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(user, "Passw0rd!")).Succeeded);
        var caller = new Caller(user.Id, IsAdmin: false);
        var accounts = services.GetRequiredService<AccountApplicationService>();
        var applied = await accounts.ApplyAsync(caller, "functions", Ct);
        await accounts.ApproveAsync(Admin, applied.AccountId!.Value, null, Ct);
        var token = await services.GetRequiredService<AccessTokenService>().CreateAsync(
            caller, new NewAccessToken("deploy", [], AccessTokenPermission.ReadWrite, AllNamespaces: true), Ct);
        return (caller, token.Secret);
    });

    /// <summary>A project of <paramref name="owner"/> with a new namespace bound to it under each of <paramref name="variableNames"/>.</summary>
    public Task<(ProjectView Project, IReadOnlyList<NamespaceView> Namespaces)> CreateProjectAsync(Caller owner, params string[] variableNames) =>
        InScopeAsync(async services =>
        {
            var project = await services.GetRequiredService<ProjectService>().CreateAsync(owner, "p" + Guid.NewGuid().ToString("N")[..12], null, Ct);
            List<NamespaceView> namespaces = [];
            foreach (var variableName in variableNames)
            {
                var ns = await services.GetRequiredService<NamespaceService>().CreateAsync(owner, "ns" + Guid.NewGuid().ToString("N")[..12], null, Ct);
                await services.GetRequiredService<BindingService>().BindAsync(owner, ns.Id, project.Id, variableName, Ct);
                namespaces.Add(ns);
            }

            return (project, (IReadOnlyList<NamespaceView>)namespaces);
        });

    /// <summary>Deploys <paramref name="files"/> through the HTTP API with <paramref name="token"/>; returns the response.</summary>
    public async Task<HttpResponseMessage> DeployAsync(string token, int projectId, IReadOnlyDictionary<string, string> files)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/projects/{projectId}/deployments")
        {
            Content = JsonContent.Create(new { files }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request, Ct);
    }

    /// <summary>A project of a new owner, its namespaces bound under <paramref name="variableNames"/>, with <paramref name="files"/> deployed.</summary>
    public async Task<(ProjectView Project, IReadOnlyList<NamespaceView> Namespaces)> DeployedProjectAsync(
        IReadOnlyDictionary<string, string> files, params string[] variableNames)
    {
        var (owner, token) = await CreateOwnerAsync("dev");
        var created = await CreateProjectAsync(owner, variableNames);
        using var response = await DeployAsync(token, created.Project.Id, files);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return created;
    }

    /// <summary>The project's function logs as <paramref name="caller"/> may follow them (<see cref="ProjectLogService"/>).</summary>
    public Task<ProjectLogFeed> FollowLogsAsync(Caller caller, int projectId, CancellationToken cancellationToken) =>
        InScopeAsync(services => services.GetRequiredService<ProjectLogService>().FollowAsync(caller, projectId, cancellationToken));

    /// <summary>Waits (up to 30 s) until the project's log has a line matching <paramref name="match"/>, and returns it.</summary>
    public async Task<ProjectLogEntry> WaitForLogAsync(Caller caller, int projectId, Func<ProjectLogEntry, bool> match)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var feed = await FollowLogsAsync(caller, projectId, timeout.Token);
        if (feed.Snapshot.FirstOrDefault(match) is { } kept)
        {
            return kept;
        }

        await foreach (var entry in feed.Changes.WithCancellation(timeout.Token))
        {
            if (match(entry))
            {
                return entry;
            }
        }

        throw new InvalidOperationException("The log feed ended.");
    }

    /// <summary>The engine store of a namespace, to check what functions wrote.</summary>
    public Task<IKvStore> StoreAsync(NamespaceView ns) =>
        _app!.Services.GetRequiredService<IKvStoreRegistry>().OpenAsync(ns.StoreId, Ct);

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a process that was killed; the temp cleaner takes it.
        }
    }
}
