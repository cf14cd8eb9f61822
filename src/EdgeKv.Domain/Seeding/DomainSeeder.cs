using System.Security.Claims;
using EdgeKv.Core.Registry;
using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Data;
using EdgeKv.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EdgeKv.Domain.Seeding;

/// <summary>
/// Brings a database to a usable state: applies pending migrations, creates the roles and the configured admin (with
/// a generated password when none is configured, see <see cref="InitialAdminPassword"/>), and
/// gives the admin an open KV account with the platform's default quota (an admin approving their own application
/// would be a formality, and the admin pages should not wait behind one). Idempotent: safe on every start. The web host runs it from a hosted service (code after <c>Build()</c> does not
/// run under test hosts).
/// </summary>
public sealed class DomainSeeder
{
    private readonly EdgeKvDbContext _db;
    private readonly UserManager<ApplicationUser> _users;
    private readonly RoleManager<IdentityRole> _roles;
    private readonly EdgeKvDomainOptions _options;
    private readonly IKvStoreRegistry _registry;
    private readonly TimeProvider _time;
    private readonly IInitialAdminPasswordNotice _passwordNotice;

    /// <summary>Made by dependency injection (scoped).</summary>
    public DomainSeeder(
        EdgeKvDbContext db,
        UserManager<ApplicationUser> users,
        RoleManager<IdentityRole> roles,
        IOptions<EdgeKvDomainOptions> options,
        IKvStoreRegistry registry,
        TimeProvider time,
        IInitialAdminPasswordNotice passwordNotice)
    {
        _db = db;
        _users = users;
        _roles = roles;
        _options = options.Value;
        _registry = registry;
        _time = time;
        _passwordNotice = passwordNotice;
    }

    /// <summary>Migrates, then ensures the roles, the admin and the admin's open KV account exist. Returns the admin's user id.</summary>
    /// <exception cref="InvalidOperationException">Identity refused the configured admin (e.g. a weak password).</exception>
    public async Task<string> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (_db.Database.IsSqlite())
        {
            EnsureDatabaseDirectory(_db.Database.GetConnectionString());
        }

        // Nodes starting together on one PostgreSQL database: EF Core's migration lock lets one migrate at a time.
        await _db.Database.MigrateAsync(cancellationToken);
        if (_db.Database.IsSqlite())
        {
            // WAL (persistent in the file): pages read while a decision is being written, as a console with many users does.
            await _db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        // One node seeds at a time; the next finds the roles and the admin there.
        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        await _db.LockSeedingAsync(cancellationToken);

        foreach (var role in EdgeKvRoles.All)
        {
            if (!await _roles.RoleExistsAsync(role))
            {
                Check(await _roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }

        var email = _options.Admin.Email;
        var admin = await _users.FindByEmailAsync(email);
        if (admin is null)
        {
            admin = new ApplicationUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = "Administrator",
                CreatedAt = _time.UtcNow(),
            };
            await CreateAdminAsync(admin);
        }

        if (!await _users.IsInRoleAsync(admin, EdgeKvRoles.Admin))
        {
            Check(await _users.AddToRoleAsync(admin, EdgeKvRoles.Admin), $"make {email} an admin");
        }

        await EnsureOpenAccountAsync(admin.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return admin.Id;
    }

    /// <summary>
    /// The admin's own KV account: created approved, or approved when the admin had applied (or been rejected) before
    /// seeding did this. A suspended one stays suspended: that was someone's decision. Not audited, as creating the
    /// admin is not: it is the platform's configuration, not an admin's act. It takes no place (see
    /// <see cref="AccountApplicationService.GetPlacesAsync"/>).
    /// </summary>
    private async Task EnsureOpenAccountAsync(string adminId, CancellationToken cancellationToken)
    {
        var now = _time.UtcNow();
        var account = await _db.Accounts.SingleOrDefaultAsync(a => a.UserId == adminId, cancellationToken);
        if (account is null)
        {
            account = new KvAccount { UserId = adminId, CreatedAt = now };
            _db.Accounts.Add(account);
        }

        if (account.Status is KvAccountStatus.NotApplied or KvAccountStatus.Pending or KvAccountStatus.Rejected)
        {
            account.Status = KvAccountStatus.Approved;
            account.DecidedAt = now;
            await _db.SaveChangesAsync(cancellationToken);
        }

        // On every start: an engine data directory that is new (or lost its budgets) gets the account's capacity back.
        if (account.Status == KvAccountStatus.Approved)
        {
            await _registry.SetBudgetAsync(account.BudgetGroup, account.CapacityBytes, cancellationToken);
        }
    }

    /// <summary>
    /// Creates the admin with the configured password, or else with a generated one that is shown once and must be
    /// changed at the first sign-in (a configured password is the operator's choice: no change is forced).
    /// </summary>
    private async Task CreateAdminAsync(ApplicationUser admin)
    {
        var email = admin.Email!;
        if (!string.IsNullOrEmpty(_options.Admin.Password))
        {
            Check(await _users.CreateAsync(admin, _options.Admin.Password), $"create the admin {email}");
            return;
        }

        var password = InitialAdminPassword.Generate();
        Check(await _users.CreateAsync(admin, password), $"create the admin {email}");
        Check(await _users.AddClaimAsync(admin, new Claim(EdgeKvClaims.MustChangePassword, "true")), $"flag {email} to change the password");
        _passwordNotice.Show(email, password);
    }

    // SQLite creates the file but not its folder; a fresh clone has no data/ folder yet.
    private static void EnsureDatabaseDirectory(string? connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:")
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            var reasons = string.Join(" ", result.Errors.Select(error => error.Description));
            throw new InvalidOperationException($"Seeding could not {what}: {reasons}");
        }
    }
}
