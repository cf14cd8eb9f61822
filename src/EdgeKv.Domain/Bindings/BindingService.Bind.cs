using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Data;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Bindings;

public sealed partial class BindingService
{
    /// <summary>
    /// Binds a namespace to a project as <paramref name="variableName"/>. Refused when the name is not a JavaScript
    /// identifier or is reserved, the project already uses it, the namespace is already bound there, the two belong
    /// to different users, or the account is not open.
    /// </summary>
    public async Task<BindingView> BindAsync(
        Caller caller,
        int namespaceId,
        int projectId,
        string variableName,
        CancellationToken cancellationToken = default)
    {
        var validName = ValidateVariableName(variableName);
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (ns, account) = await NamespaceAccess.FindAsync(db, caller, namespaceId, cancellationToken);
        var project = await ProjectAccess.FindAsync(db, caller, projectId, cancellationToken);
        if (!string.Equals(account.UserId, project.OwnerUserId, StringComparison.Ordinal))
        {
            throw DomainErrors.BindingOwnerMismatch.ToException();
        }

        AccountRules.RequireWritable(caller, account);

        // The account's lock: two binds of one variable name (on any nodes) get the clear refusal, not the unique index's.
        await db.LockAccountAsync(account.UserId, cancellationToken);
        if (await db.Bindings.AnyAsync(b => b.ProjectId == project.Id && b.VariableName == validName, cancellationToken))
        {
            throw DomainErrors.VariableNameTaken.With(validName).ToException();
        }

        if (await db.Bindings.AnyAsync(b => b.ProjectId == project.Id && b.NamespaceId == ns.Id, cancellationToken))
        {
            throw DomainErrors.AlreadyBound.ToException();
        }

        var now = Now;
        var binding = new Binding { NamespaceId = ns.Id, ProjectId = project.Id, VariableName = validName, CreatedAt = now };
        db.Bindings.Add(binding);
        await db.SaveChangesAsync(cancellationToken);
        AuditTrail.Add(db, caller, AuditActions.BindingCreated, AuditTargets.Binding, binding.Id, account.UserId, $"{ns.Name} → {project.Name} as {validName}", now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Publish(caller, account.UserId, binding);
        return new BindingView(binding.Id, ns.Id, ns.Name, project.Id, project.Name, validName, now);
    }

    /// <summary>Removes a binding (the namespace and the project stay). Refused when the account is not open.</summary>
    public async Task UnbindAsync(Caller caller, int bindingId, CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var binding = await db.Bindings.SingleOrDefaultAsync(b => b.Id == bindingId, cancellationToken)
            ?? throw DomainErrors.BindingNotFound.ToException();
        var account = await (
            from ns in db.Namespaces
            join a in db.Accounts on ns.AccountId equals a.Id
            where ns.Id == binding.NamespaceId
            select a).SingleAsync(cancellationToken);
        if (!caller.CanReach(account.UserId))
        {
            throw DomainErrors.BindingNotFound.ToException();
        }

        AccountRules.RequireWritable(caller, account);
        db.Bindings.Remove(binding);
        AuditTrail.Add(db, caller, AuditActions.BindingDeleted, AuditTargets.Binding, binding.Id, account.UserId, binding.VariableName, Now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Publish(caller, account.UserId, binding);
    }
}
