using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Data;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Events;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Tokens;

/// <summary>
/// Access tokens for programs: users create them over namespaces of their own account (the secret is returned once),
/// list and revoke them; admins list and revoke everyone's. Programs present the secret, and
/// <see cref="ResolveAsync"/> decides what it grants on a namespace (from memory: <see cref="AccessTokenDirectory"/>), counts the
/// use, and attributes it to the owner.
/// Errors are <see cref="DomainException"/>s; nothing changes when one is thrown. Use cases are split into partial files.
/// </summary>
/// <remarks>
/// Suspended accounts: their tokens keep reading and can no longer write, as the owner in the console can still read
/// and not write. Tokens are personal: even an admin scopes a token only to namespaces of their own account, because
/// a token acts as its owner and should not outlive the owner's access to someone else's data.
/// </remarks>
public sealed partial class AccessTokenService
{
    private readonly IDbContextFactory<EdgeKvDbContext> _dbFactory;
    private readonly IDomainEvents _events;
    private readonly TimeProvider _time;
    private readonly AccessTokenDirectory _directory;
    private readonly AccessTokenUsage _usage;

    /// <summary>Made by dependency injection.</summary>
    public AccessTokenService(
        IDbContextFactory<EdgeKvDbContext> dbFactory, IDomainEvents events, TimeProvider time, AccessTokenDirectory directory, AccessTokenUsage usage)
    {
        _dbFactory = dbFactory;
        _events = events;
        _time = time;
        _directory = directory;
        _usage = usage;
    }

    private DateTime Now => _time.UtcNow();

    private void Publish(DomainEventKind kind, Caller caller, string ownerUserId, int tokenId) =>
        _events.Publish(new DomainEvent(kind, caller.UserId, ownerUserId, null, null, null, Now) { AccessTokenId = tokenId });

    // Tokens are created only in an open account: not while pending, rejected or suspended, not even by an admin.
    private static KvAccount RequireOpen(KvAccount? account) => account?.Status switch
    {
        KvAccountStatus.Approved => account,
        KvAccountStatus.Suspended => throw DomainErrors.AccountSuspended.ToException(),
        _ => throw DomainErrors.AccountNotOpen.ToException(),
    };

    private static string ValidateName(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        return trimmed.Length is >= 1 and <= AccessToken.MaxNameLength && !trimmed.Any(char.IsControl)
            ? trimmed
            : throw DomainErrors.InvalidTokenName.ToException();
    }

    // Reasons are bounded; a scope of many long names is cut rather than refused.
    private static string Bounded(string text) =>
        text.Length <= DomainValidation.MaxReasonLength ? text : string.Concat(text.AsSpan(0, DomainValidation.MaxReasonLength - 1), "…");

    private static string Describe(AccessToken token) => $"{token.Name} ({token.Prefix})";

    private async Task<IReadOnlyList<AccessTokenView>> ToViewsAsync(EdgeKvDbContext db, IQueryable<AccessToken> tokens, CancellationToken cancellationToken)
    {
        var rows = await (
            from token in tokens.AsNoTracking()
            join user in db.Users on token.OwnerUserId equals user.Id
            orderby token.CreatedAt descending, token.Id descending
            select new { Token = token, user.Email }).ToListAsync(cancellationToken);

        var ids = rows.Select(row => row.Token.Id).ToList();
        var scopes = await (
            from scope in db.AccessTokenNamespaces
            join ns in db.Namespaces on scope.NamespaceId equals ns.Id
            where ids.Contains(scope.AccessTokenId)
            select new { scope.AccessTokenId, ns.Id, ns.Name }).ToListAsync(cancellationToken);
        var scopesByToken = scopes.ToLookup(scope => scope.AccessTokenId, scope => new AccessTokenScopeItem(scope.Id, scope.Name));

        var now = Now;
        return [.. rows.Select(row => new AccessTokenView(
            row.Token.Id,
            row.Token.OwnerUserId,
            row.Email,
            row.Token.Name,
            row.Token.Prefix,
            row.Token.Permission,
            row.Token.AllNamespaces,
            [.. scopesByToken[row.Token.Id].OrderBy(item => item.Name, StringComparer.OrdinalIgnoreCase)],
            row.Token.StatusAt(now),
            row.Token.CreatedAt,
            row.Token.ExpiresAt,
            row.Token.LastUsedAt,
            row.Token.ReadCount,
            row.Token.WriteCount,
            row.Token.BytesWritten,
            row.Token.BytesRead,
            row.Token.RevokedAt,
            row.Token.RevokedBy))];
    }
}
