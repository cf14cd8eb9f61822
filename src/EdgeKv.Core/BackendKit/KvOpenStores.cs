using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using EdgeKv.Core.Store;

namespace EdgeKv.Core.BackendKit;

/// <summary>
/// The stores a registry keeps open (one per namespace, opened on first use) and the one lock that serializes the
/// registry's changes — the part of <see cref="Registry.IKvStoreRegistry"/> every backend shares. Opening a store
/// that is already open takes no lock; opening one that is not checks again under the lock, so two callers racing
/// for the same namespace get the same store. Once closed, every locked call refuses with
/// <see cref="ObjectDisposedException"/> naming the registry. A backend keeps what is its own: how a namespace is
/// found, created, opened and removed in its storage.
/// </summary>
/// <param name="registry">The registry these stores belong to (named by the refusal once closed).</param>
internal sealed class KvOpenStores<TStore>(object registry)
    where TStore : class, IKvStore
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, TStore> _open = new(StringComparer.Ordinal);
    private bool _closed;

    /// <summary>The open store of <paramref name="namespaceId"/>, if any (no lock).</summary>
    public bool TryGet(string namespaceId, [MaybeNullWhen(false)] out TStore store) => _open.TryGetValue(namespaceId, out store);

    /// <summary>True when <paramref name="namespaceId"/> has an open store (no lock).</summary>
    public bool IsOpen(string namespaceId) => _open.ContainsKey(namespaceId);

    /// <summary>Keeps a store just opened. Under the lock.</summary>
    public void Add(string namespaceId, TStore store) => _open[namespaceId] = store;

    /// <summary>Takes a namespace's store out of the open ones (the caller closes it); null when none was open. Under the lock.</summary>
    public TStore? Remove(string namespaceId) => _open.TryRemove(namespaceId, out var store) ? store : null;

    /// <summary>Each open store's stats, as <paramref name="statsOf"/> reads them from memory.</summary>
    public IReadOnlyDictionary<string, KvStoreStats> Stats(Func<TStore, KvStoreStats> statsOf) =>
        _open.ToDictionary(pair => pair.Key, pair => statsOf(pair.Value), StringComparer.Ordinal);

    /// <summary>
    /// The open store of <paramref name="namespaceId"/>: at once when open, else opened by <paramref name="open"/>
    /// under the lock (unless another caller opened it meanwhile) and kept.
    /// </summary>
    public Task<IKvStore> OpenAsync(string namespaceId, Func<ValueTask<TStore>> open, CancellationToken cancellationToken)
    {
        if (_open.TryGetValue(namespaceId, out var store))
        {
            return Task.FromResult<IKvStore>(store);
        }

        return LockedAsync<IKvStore>(async () =>
        {
            if (_open.TryGetValue(namespaceId, out var opened))
            {
                return opened;
            }

            var opening = await open().ConfigureAwait(false);
            _open[namespaceId] = opening;
            return opening;
        }, cancellationToken);
    }

    /// <summary>Runs <paramref name="action"/> under the registry's lock, refusing once closed.</summary>
    public async Task<T> LockedAsync<T>(Func<ValueTask<T>> action, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfClosed();
            return await action().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Refuses once closed (for calls that need no lock).</summary>
    public void ThrowIfClosed() => ObjectDisposedException.ThrowIf(_closed, registry);

    /// <summary>
    /// Closes every open store, then what the registry holds besides (<paramref name="closeRest"/>: a catalog, a
    /// connection pool), under the lock and once: later calls do nothing.
    /// </summary>
    public async ValueTask CloseAsync(Func<ValueTask> closeRest)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            foreach (var store in _open.Values)
            {
                await store.DisposeAsync().ConfigureAwait(false);
            }

            _open.Clear();
            await closeRest().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
