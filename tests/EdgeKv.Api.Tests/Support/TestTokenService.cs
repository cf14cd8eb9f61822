using System.Collections.Concurrent;
using EdgeKv.Api.Access;
using EdgeKv.Core.Sqlite;
using EdgeKv.Core.Store;

namespace EdgeKv.Api.Tests.Support;

/// <summary>
/// A stand-in for the domain's token service: namespaces are real SQLite stores in a temp directory, and each gets a
/// read-write and a read-only token from a fixed map. Tokens can be revoked, as the domain's can.
/// </summary>
internal sealed class TestTokenService : IKvAccessResolver, IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ConcurrentDictionary<string, IKvStore> _stores = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string NamespaceId, bool CanWrite)> _tokens = new(StringComparer.Ordinal);

    /// <summary>A new namespace with its store and its two tokens.</summary>
    public TestNamespace CreateNamespace(string baseUrl)
    {
        var id = "ns-" + Guid.NewGuid().ToString("N")[..12];
        var store = SqliteKvStore.Open(_directory.File(id + ".sqlite"));
        _stores[id] = store;
        var writeToken = "rw-" + Guid.NewGuid().ToString("N");
        var readToken = "ro-" + Guid.NewGuid().ToString("N");
        _tokens[writeToken] = (id, true);
        _tokens[readToken] = (id, false);
        return new TestNamespace(id, store, writeToken, readToken, $"{baseUrl}/kv/connect/{id}");
    }

    public void Revoke(string token) => _tokens.TryRemove(token, out _);

    public Task<KvAccessResult> ResolveAsync(string bearerToken, string namespaceId, CancellationToken cancellationToken)
    {
        if (!_tokens.TryGetValue(bearerToken, out var scope))
        {
            return Task.FromResult(KvAccessResult.Deny(KvAccessDenial.InvalidToken));
        }

        if (scope.NamespaceId != namespaceId)
        {
            return Task.FromResult(KvAccessResult.Deny(KvAccessDenial.OtherNamespace));
        }

        return Task.FromResult(_stores.TryGetValue(namespaceId, out var store)
            ? KvAccessResult.Allow(new KvAccessGrant(store, scope.CanWrite))
            : KvAccessResult.Deny(KvAccessDenial.NamespaceNotFound));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores.Values)
        {
            await store.DisposeAsync();
        }

        _directory.Dispose();
    }
}
