using System.Collections.Concurrent;
using EdgeKv.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Tokens;

/// <summary>
/// Access tokens and the namespaces they reach, kept in memory so a program's request costs no database read: a token
/// is read from the admin database once, at its first use after start, and then answered from here. The domain's
/// events keep it exact (<see cref="OnPublished"/>): a revocation, an account's status change or a namespace's deletion
/// drops what it touches before the use case returns, so the next request reads the truth, and ends the dropped
/// credentials' <see cref="AccessTokenCredential.Lifetime"/>, so streams opened with them close. One per process.
/// </summary>
public sealed partial class AccessTokenDirectory
{
    // A credential is re-read at least this often even when nothing changes it, which also keeps its expiry timer
    // inside what a CancellationTokenSource can wait (about 24.8 days).
    internal static readonly TimeSpan MaxCredentialAge = TimeSpan.FromDays(7);

    private readonly IDbContextFactory<EdgeKvDbContext> _dbFactory;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, AccessTokenCredential> _credentials = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AccessTokenTarget> _targets = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    // Moves on every invalidation: a read that started before one may be stale, so it is not cached.
    private long _generation;

    /// <summary>Made by dependency injection.</summary>
    public AccessTokenDirectory(IDbContextFactory<EdgeKvDbContext> dbFactory, TimeProvider time)
    {
        _dbFactory = dbFactory;
        _time = time;
    }

    /// <summary>Credentials held right now (for tests and diagnostics).</summary>
    public int CachedCredentials => _credentials.Count;

    /// <summary>
    /// The token whose secret is <paramref name="secret"/>, revoked and expired ones included (the caller decides with
    /// <see cref="AccessTokenCredential.IsActiveAt"/>); null for a malformed or unknown secret.
    /// </summary>
    public async ValueTask<AccessTokenCredential?> FindAsync(string? secret, CancellationToken cancellationToken = default)
    {
        if (!AccessTokenSecret.IsWellFormed(secret))
        {
            return null;
        }

        // Keyed by the secret's hash, never the secret: the hash is what the database holds too.
        var hash = AccessTokenSecret.Hash(secret!);
        var key = Convert.ToBase64String(hash);
        while (true)
        {
            if (_credentials.TryGetValue(key, out var cached))
            {
                return cached;
            }

            var generation = Volatile.Read(ref _generation);
            var loaded = await LoadCredentialAsync(AccessTokenSecret.PrefixOf(secret!), hash, cancellationToken);
            if (loaded is null)
            {
                return null;
            }

            if (TryCache(_credentials, key, loaded, generation))
            {
                loaded.Lifetime.Register(() => _credentials.TryRemove(new KeyValuePair<string, AccessTokenCredential>(key, loaded)));
                return loaded;
            }

            // Something changed while it was read (or another request cached it first): read what is there now.
            loaded.End();
        }
    }

    /// <summary>The namespace programs address as <paramref name="storeId"/>; null when there is none.</summary>
    public async ValueTask<AccessTokenTarget?> FindTargetAsync(string storeId, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (_targets.TryGetValue(storeId, out var cached))
            {
                return cached;
            }

            var generation = Volatile.Read(ref _generation);
            await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
            var loaded = await (
                from ns in db.Namespaces
                join account in db.Accounts on ns.AccountId equals account.Id
                where ns.StoreId == storeId
                select new AccessTokenTarget(ns.Id, ns.StoreId, account.UserId)).SingleOrDefaultAsync(cancellationToken);
            if (loaded is null || TryCache(_targets, storeId, loaded, generation))
            {
                return loaded;
            }
        }
    }

    private bool TryCache<T>(ConcurrentDictionary<string, T> cache, string key, T value, long generation)
        where T : class
    {
        lock (_lock)
        {
            return generation == _generation && cache.TryAdd(key, value);
        }
    }

    private async Task<AccessTokenCredential?> LoadCredentialAsync(string prefix, byte[] hash, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);

        // The prefix finds the candidates by index; the hash decides, compared in constant time. Every candidate is
        // compared (no early exit), though one prefix almost always has one row.
        var candidates = await db.AccessTokens.AsNoTracking().Where(t => t.Prefix == prefix).ToListAsync(cancellationToken);
        AccessToken? token = null;
        foreach (var candidate in candidates)
        {
            if (AccessTokenSecret.HashesEqual(candidate.SecretHash, hash))
            {
                token = candidate;
            }
        }

        if (token is null)
        {
            return null;
        }

        var namespaceIds = token.AllNamespaces
            ? []
            : await db.AccessTokenNamespaces.Where(s => s.AccessTokenId == token.Id).Select(s => s.NamespaceId).ToListAsync(cancellationToken);
        var account = await db.Accounts.AsNoTracking()
            .Where(a => a.UserId == token.OwnerUserId)
            .Select(a => new { a.Id, a.Status })
            .SingleOrDefaultAsync(cancellationToken);
        return new AccessTokenCredential(token, namespaceIds, account?.Id, account?.Status, LifetimeUntil(token.ExpiresAt));
    }

    // Ends by itself when the token expires, so a stream opened with it closes then without anyone asking. A token
    // already expired stays expired: it is kept (refused from memory) as long as any other.
    private CancellationTokenSource LifetimeUntil(DateTime? expiresAt)
    {
        var untilExpiry = expiresAt is { } at ? at - _time.GetUtcNow().UtcDateTime : MaxCredentialAge;
        var delay = untilExpiry > TimeSpan.Zero && untilExpiry < MaxCredentialAge ? untilExpiry : MaxCredentialAge;
        return new CancellationTokenSource(delay, _time);
    }
}
