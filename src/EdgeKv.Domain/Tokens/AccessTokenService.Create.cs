using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Data;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Events;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Tokens;

public sealed partial class AccessTokenService
{
    /// <summary>
    /// Creates a token for the caller over namespaces of their own open account, and returns it with its secret (the
    /// only time the secret is available). Refused when the name, permission, scope or expiry is invalid, a namespace
    /// is not the caller's (<see cref="DomainErrors.NamespaceNotFound"/>), the account is not open, or the caller holds
    /// <see cref="AccessToken.MaxLiveTokensPerUser"/> live tokens.
    /// </summary>
    public async Task<CreatedAccessToken> CreateAsync(Caller caller, NewAccessToken request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var name = ValidateName(request.Name);
        if (!Enum.IsDefined(request.Permission))
        {
            throw DomainErrors.InvalidTokenPermission.ToException();
        }

        var namespaceIds = (request.NamespaceIds ?? []).Distinct().ToList();
        if (request.AllNamespaces && namespaceIds.Count > 0)
        {
            throw DomainErrors.TokenScopeConflict.ToException();
        }

        if (!request.AllNamespaces && namespaceIds.Count == 0)
        {
            throw DomainErrors.TokenScopeEmpty.ToException();
        }

        var now = Now;
        var expiresAt = request.ExpiresAt is { } requested ? AsUtc(requested) : (DateTime?)null;
        if (expiresAt <= now)
        {
            throw DomainErrors.TokenExpiryNotInFuture.ToException();
        }

        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);

        // The account's lock: the count of live tokens and the namespace check hold until commit, on every node.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockAccountAsync(caller.UserId, cancellationToken);
        var account = RequireOpen(await db.Accounts.SingleOrDefaultAsync(a => a.UserId == caller.UserId, cancellationToken));
        var ownedCount = await db.Namespaces.CountAsync(ns => ns.AccountId == account.Id && namespaceIds.Contains(ns.Id), cancellationToken);
        if (ownedCount != namespaceIds.Count)
        {
            throw DomainErrors.NamespaceNotFound.ToException();
        }

        var live = await db.AccessTokens.CountAsync(
            t => t.OwnerUserId == caller.UserId && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now),
            cancellationToken);
        if (live >= AccessToken.MaxLiveTokensPerUser)
        {
            throw DomainErrors.TokenLimitReached.With(AccessToken.MaxLiveTokensPerUser).ToException();
        }

        var secret = AccessTokenSecret.Generate();
        var token = new AccessToken
        {
            OwnerUserId = caller.UserId,
            Name = name,
            Prefix = AccessTokenSecret.PrefixOf(secret),
            SecretHash = AccessTokenSecret.Hash(secret),
            Permission = request.Permission,
            AllNamespaces = request.AllNamespaces,
            ExpiresAt = expiresAt,
            CreatedAt = now,
        };
        db.AccessTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);

        db.AccessTokenNamespaces.AddRange(namespaceIds.Select(id => new AccessTokenNamespace { AccessTokenId = token.Id, NamespaceId = id }));
        var scope = request.AllNamespaces ? "all namespaces" : $"namespaces {string.Join(", ", namespaceIds.Order())}";
        var note = Bounded($"{Describe(token)}: {token.Permission} on {scope}");
        AuditTrail.Add(db, caller, AuditActions.TokenCreated, AuditTargets.AccessToken, token.Id, caller.UserId, note, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Publish(DomainEventKind.TokenCreated, caller, caller.UserId, token.Id);
        var view = (await ToViewsAsync(db, db.AccessTokens.Where(t => t.Id == token.Id), cancellationToken)).Single();
        return new CreatedAccessToken(view, secret);
    }

    // An expiry without a kind is taken as UTC, as every time in the domain is; kept to the microsecond (StoredTime).
    private static DateTime AsUtc(DateTime time) =>
        StoredTime.ToMicroseconds(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
