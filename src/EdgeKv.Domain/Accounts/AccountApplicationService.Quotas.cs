using System.Globalization;
using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Events;
using EdgeKv.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Accounts;

public sealed partial class AccountApplicationService
{
    /// <summary>
    /// Admins: sets an account's capacity (bytes, &gt; 0) and namespace limit (1..<see cref="DomainValidation.MaxNamespacesCeiling"/>).
    /// The capacity is applied to the engine budget at once; lowering either below current use refuses further growth
    /// and deletes nothing.
    /// </summary>
    public async Task<AccountView> SetQuotaAsync(
        Caller caller,
        int accountId,
        long capacityBytes,
        int maxNamespaces,
        CancellationToken cancellationToken = default)
    {
        caller.RequireAdmin();
        if (capacityBytes <= 0)
        {
            throw DomainErrors.InvalidCapacity.ToException();
        }

        if (maxNamespaces is < 1 or > DomainValidation.MaxNamespacesCeiling)
        {
            throw DomainErrors.InvalidMaxNamespaces.With(DomainValidation.MaxNamespacesCeiling).ToException();
        }

        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAccountByIdAsync(db, accountId, cancellationToken);
        var account = await FindForDecisionAsync(db, caller, accountId, cancellationToken);
        var note = string.Create(
            CultureInfo.InvariantCulture,
            $"capacity {account.CapacityBytes} → {capacityBytes} bytes; namespaces {account.MaxNamespaces} → {maxNamespaces}");
        account.CapacityBytes = capacityBytes;
        account.MaxNamespaces = maxNamespaces;
        var now = Now;
        AuditTrail.Add(db, caller, AuditActions.AccountQuotaChanged, AuditTargets.Account, account.Id, account.UserId, note, now);
        await db.SaveChangesAsync(cancellationToken);

        // The engine's budget is set inside the transaction: if it fails, the database keeps the old quota too.
        await _registry.SetBudgetAsync(account.BudgetGroup, capacityBytes, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Publish(DomainEventKind.AccountQuotaChanged, caller, account);
        return await ToViewAsync(db, account.Id, cancellationToken);
    }

    /// <summary>
    /// Admins: sets the number of places for open accounts (null: unlimited; 0 or more). Lowering it below the places
    /// taken suspends nobody; it only refuses further approvals.
    /// </summary>
    public async Task<PlacesView> SetMaxApprovedAccountsAsync(Caller caller, int? maxApprovedAccounts, CancellationToken cancellationToken = default)
    {
        caller.RequireAdmin();
        if (maxApprovedAccounts is < 0)
        {
            throw DomainErrors.InvalidPlaces.ToException();
        }

        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.PlatformSettings.SingleAsync(s => s.Id == PlatformSettings.SingletonId, cancellationToken);
        var note = string.Create(
            CultureInfo.InvariantCulture,
            $"places {settings.MaxApprovedAccounts?.ToString(CultureInfo.InvariantCulture) ?? "unlimited"} → {maxApprovedAccounts?.ToString(CultureInfo.InvariantCulture) ?? "unlimited"}");
        settings.MaxApprovedAccounts = maxApprovedAccounts;
        var now = Now;
        AuditTrail.Add(db, caller, AuditActions.PlacesChanged, AuditTargets.Platform, "platform", null, note, now);
        await db.SaveChangesAsync(cancellationToken);

        _events.Publish(new DomainEvent(DomainEventKind.PlacesChanged, caller.UserId, null, null, null, null, now));
        return new PlacesView(maxApprovedAccounts, await CountTakenPlacesAsync(db, cancellationToken));
    }
}
