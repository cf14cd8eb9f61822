using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Data;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Events;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Bindings;

/// <summary>
/// Binds namespaces to projects under variable names, from either side (the namespace's "关联项目" tab or the
/// project's "KV 存储" menu). Both ends must belong to one user; the variable name is a JavaScript identifier unique
/// in the project; binding and unbinding need the namespace owner's account open. Errors are
/// <see cref="DomainException"/>s; nothing changes when one is thrown.
/// </summary>
public sealed partial class BindingService
{
    private readonly IDbContextFactory<EdgeKvDbContext> _dbFactory;
    private readonly IDomainEvents _events;
    private readonly TimeProvider _time;

    /// <summary>Made by dependency injection.</summary>
    public BindingService(IDbContextFactory<EdgeKvDbContext> dbFactory, IDomainEvents events, TimeProvider time)
    {
        _dbFactory = dbFactory;
        _events = events;
        _time = time;
    }

    private DateTime Now => _time.UtcNow();

    /// <summary>The projects a namespace is bound to, by project name.</summary>
    public async Task<IReadOnlyList<BindingView>> ListForNamespaceAsync(Caller caller, int namespaceId, CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var (ns, _) = await NamespaceAccess.FindAsync(db, caller, namespaceId, cancellationToken);
        var views = await Views(db, db.Bindings.Where(b => b.NamespaceId == ns.Id)).ToListAsync(cancellationToken);
        return [.. views.OrderBy(view => view.ProjectName, StringComparer.OrdinalIgnoreCase).ThenBy(view => view.VariableName, StringComparer.Ordinal)];
    }

    /// <summary>The namespaces bound to a project, by variable name.</summary>
    public async Task<IReadOnlyList<BindingView>> ListForProjectAsync(Caller caller, int projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await ProjectAccess.FindAsync(db, caller, projectId, cancellationToken);
        var views = await Views(db, db.Bindings.Where(b => b.ProjectId == project.Id)).ToListAsync(cancellationToken);
        return [.. views.OrderBy(view => view.VariableName, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The bindings of <paramref name="projectId"/> as its functions see them: one global per variable name, reaching
    /// that namespace's store. A system read for the runtime (visitors of a function are anonymous); the project's
    /// code can reach only these stores.
    /// </summary>
    public async Task<IReadOnlyList<BoundStore>> ListStoresForProjectAsync(int projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var stores = await (from binding in db.Bindings
                            where binding.ProjectId == projectId
                            join ns in db.Namespaces on binding.NamespaceId equals ns.Id
                            select new { binding.VariableName, ns.StoreId }).ToListAsync(cancellationToken);
        return [.. stores.OrderBy(s => s.VariableName, StringComparer.Ordinal).Select(s => new BoundStore(s.VariableName, s.StoreId))];
    }

    // Filter before projecting: EF cannot translate a filter on a record built by its constructor.
    private static IQueryable<BindingView> Views(EdgeKvDbContext db, IQueryable<Binding> bindings) =>
        from binding in bindings
        join ns in db.Namespaces on binding.NamespaceId equals ns.Id
        join project in db.Projects on binding.ProjectId equals project.Id
        select new BindingView(binding.Id, ns.Id, ns.Name, project.Id, project.Name, binding.VariableName, binding.CreatedAt);

    private void Publish(Caller caller, string ownerUserId, Binding binding) =>
        _events.Publish(new DomainEvent(DomainEventKind.BindingChanged, caller.UserId, ownerUserId, null, binding.NamespaceId, binding.ProjectId, Now));

    private static string ValidateVariableName(string? variableName)
    {
        var trimmed = variableName?.Trim() ?? "";
        return VariableNames.ErrorFor(trimmed) is { } error ? throw error.ToException() : trimmed;
    }
}
