using System.Collections.Concurrent;
using EdgeKv.Api.Access;
using EdgeKv.Core.Registry;
using EdgeKv.Core.Sqlite;

namespace EdgeKv.Api.Tests.Support;

/// <summary>
/// A stand-in for the domain's token service over the real engine registry (one SQLite store per namespace in a temp
/// directory): each namespace gets a read-write and a read-only token from a fixed map. Tokens can be revoked, as
/// the domain's can: a revoked token is refused from then on and the streams opened with it end.
/// </summary>
internal sealed class TestTokenService : IKvAccessResolver, IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly SqliteKvStoreRegistry _registry;
    private readonly ConcurrentDictionary<string, (string NamespaceId, bool CanWrite, CancellationTokenSource Lifetime)> _tokens = new(StringComparer.Ordinal);

    // Few remembered deletions, so a test can make a store forget some with one bulk delete.
    public TestTokenService() => _registry = new SqliteKvStoreRegistry(_directory.Path, new SqliteKvStoreOptions { KeptDeletionBytes = 16 * 1024 });

    public IKvStoreRegistry Registry => _registry;

    /// <summary>A new namespace (optionally in a budget group) with its store and its two tokens.</summary>
    public async Task<TestNamespace> CreateNamespaceAsync(string baseUrl, string? budgetGroup = null)
    {
        var id = "ns-" + Guid.NewGuid().ToString("N")[..12];
        var store = await _registry.CreateNamespaceAsync(id, budgetGroup);
        var writeToken = "rw-" + Guid.NewGuid().ToString("N");
        var readToken = "ro-" + Guid.NewGuid().ToString("N");
        _tokens[writeToken] = (id, true, new CancellationTokenSource());
        _tokens[readToken] = (id, false, new CancellationTokenSource());
        return new TestNamespace(id, store, writeToken, readToken, $"{baseUrl}/kv/connect/{id}");
    }

    public void Revoke(string token)
    {
        if (_tokens.TryRemove(token, out var revoked))
        {
            revoked.Lifetime.Cancel();
        }
    }

    // The test tokens are not secrets, so each names itself (watch limits count streams by token id).
    public Task<KvCredential?> AuthenticateAsync(string bearerToken, CancellationToken cancellationToken) =>
        Task.FromResult(_tokens.TryGetValue(bearerToken, out var scope)
            ? new KvCredential(bearerToken, bearerToken, AccountId: null, scope.Lifetime.Token)
            : null);

    public async Task<KvAccessResult> ResolveAsync(KvCredential credential, string namespaceId, KvAccessIntent intent, CancellationToken cancellationToken)
    {
        if (!_tokens.TryGetValue(credential.Token, out var scope))
        {
            return KvAccessResult.Deny(KvAccessDenial.InvalidToken);
        }

        if (scope.NamespaceId != namespaceId)
        {
            return KvAccessResult.Deny(KvAccessDenial.OtherNamespace);
        }

        if (!_registry.Exists(namespaceId))
        {
            return KvAccessResult.Deny(KvAccessDenial.NamespaceNotFound);
        }

        return KvAccessResult.Allow(new KvAccessGrant(await _registry.OpenAsync(namespaceId, cancellationToken), scope.CanWrite)
        {
            TokenId = credential.TokenId,
            Lifetime = scope.Lifetime.Token,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _registry.DisposeAsync();
        _directory.Dispose();
    }
}
