using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Identity;
using EdgeKv.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Accounts;

public sealed partial class AccountApplicationService
{
    /// <summary>The caller's own account; a <see cref="KvAccountStatus.NotApplied"/> view when they never applied.</summary>
    public async Task<AccountView> GetMyAccountAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var views = await ToViewsAsync(db, db.Accounts.Where(account => account.UserId == caller.UserId), cancellationToken);
        if (views.Count == 1)
        {
            return views[0];
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == caller.UserId, cancellationToken)
            ?? throw DomainErrors.UserNotFound.ToException();
        return new AccountView(
            null,
            user.Id,
            user.Email,
            user.DisplayName,
            KvAccountStatus.NotApplied,
            null,
            null,
            null,
            null,
            KvAccount.DefaultCapacityBytes,
            KvAccount.DefaultMaxNamespaces,
            0,
            0);
    }

    /// <summary>One account: its owner or an admin. Others get <see cref="DomainErrors.AccountNotFound"/>.</summary>
    public async Task<AccountView> GetAccountAsync(Caller caller, int accountId, CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = db.Accounts.Where(account => account.Id == accountId && (caller.IsAdmin || account.UserId == caller.UserId));
        var views = await ToViewsAsync(db, visible, cancellationToken);
        return views.Count == 1 ? views[0] : throw DomainErrors.AccountNotFound.ToException();
    }

    /// <summary>Admins: pending applications, the oldest first.</summary>
    public async Task<IReadOnlyList<AccountView>> ListApplicationsAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        caller.RequireAdmin();
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var views = await ToViewsAsync(db, db.Accounts.Where(account => account.Status == KvAccountStatus.Pending), cancellationToken);
        return [.. views.OrderBy(view => view.AppliedAt).ThenBy(view => view.AccountId)];
    }

    /// <summary>Admins: every account (optionally of one status), by id.</summary>
    public async Task<IReadOnlyList<AccountView>> ListAccountsAsync(
        Caller caller,
        KvAccountStatus? status = null,
        CancellationToken cancellationToken = default)
    {
        caller.RequireAdmin();
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var accounts = status is { } only ? db.Accounts.Where(account => account.Status == only) : db.Accounts;
        var views = await ToViewsAsync(db, accounts, cancellationToken);
        return [.. views.OrderBy(view => view.AccountId)];
    }

    /// <summary>The places for open accounts and how many are taken. Anyone signed in may read them.</summary>
    public async Task<PlacesView> GetPlacesAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.PlatformSettings.AsNoTracking().SingleAsync(s => s.Id == PlatformSettings.SingletonId, cancellationToken);
        return new PlacesView(settings.MaxApprovedAccounts, await CountTakenPlacesAsync(db, cancellationToken));
    }

    // Suspended accounts keep their place: reinstating one must never be refused for want of places. Admins' own
    // accounts (opened by the seeder) take none: places are what applicants compete for.
    private static Task<int> CountTakenPlacesAsync(Data.EdgeKvDbContext db, CancellationToken cancellationToken)
    {
        var adminIds =
            from userRole in db.UserRoles
            join role in db.Roles on userRole.RoleId equals role.Id
            where role.Name == EdgeKvRoles.Admin
            select userRole.UserId;
        return db.Accounts.CountAsync(
            account => (account.Status == KvAccountStatus.Approved || account.Status == KvAccountStatus.Suspended)
                && !adminIds.Contains(account.UserId),
            cancellationToken);
    }
}
