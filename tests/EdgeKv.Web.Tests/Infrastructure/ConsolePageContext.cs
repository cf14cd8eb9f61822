using System.Security.Claims;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Identity;
using EdgeKv.Domain.Seeding;
using Bunit.TestDoubles;
using EdgeKv.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EdgeKv.Web.Tests.Infrastructure;

/// <summary>
/// A bUnit context over the real domain and engine (SQLite files in a temp folder, migrated and seeded), as the host
/// composes them. Tests create users, sign one in for the rendered components, and act as other users or the admin
/// through the same services, so live updates can be watched in the rendered markup.
/// </summary>
public abstract partial class ConsolePageContext : ConsoleComponentContext, IAsyncLifetime
{
    private readonly TempDataFolder _data = new();
    private readonly BunitAuthorizationContext _authorization;

    protected ConsolePageContext()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>The same, with <paramref name="settings"/> over the defaults (e.g. the admin database on PostgreSQL).</summary>
    protected ConsolePageContext(IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Admin"] = $"Data Source={_data.File("admin.db")}",
            ["EdgeKv:DataDirectory"] = _data.File("kv"),
            ["EdgeKv:Admin:Password"] = ConsoleClient.AdminPassword,
        }).AddInMemoryCollection(settings).Build();
        Services.AddLogging();
        Services.AddEdgeKvDomain(configuration);
        Services.AddAuthentication();
        Services.AddConsoleServices();
        _authorization = AddAuthorization();
    }

    /// <summary>The seeded admin.</summary>
    protected Caller Admin { get; private set; } = default!;

    public virtual async ValueTask InitializeAsync()
    {
        var adminId = await Services.GetRequiredService<DomainSeeder>().SeedAsync(TestContext.Current.CancellationToken);
        Admin = new Caller(adminId, IsAdmin: true);
    }

    /// <summary>A registered user (role User).</summary>
    protected async Task<Caller> CreateUserAsync(string email)
    {
        var users = Services.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, "Passw0rd!")).Succeeded);
        await users.AddToRoleAsync(user, EdgeKvRoles.User);
        return new Caller(user.Id, IsAdmin: false);
    }

    /// <summary>Makes <paramref name="caller"/> the signed-in user of the components rendered from now on.</summary>
    protected void SignIn(Caller caller, string name)
    {
        _authorization.SetAuthorized(name);
        _authorization.SetRoles(caller.IsAdmin ? [EdgeKvRoles.Admin] : [EdgeKvRoles.User]);

        // Last: bUnit's SetRoles rebuilds the principal's claims.
        _authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, caller.UserId));
    }

    /// <summary>The texts the snackbar has shown.</summary>
    protected IEnumerable<string> SnackbarTexts => Get<ISnackbar>().ShownSnackbars.Select(snackbar => snackbar.Message ?? "");

    /// <summary>A domain service, as the components get it.</summary>
    protected T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();

        // Pooled connections keep the SQLite files open; release them so the folder can go.
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
