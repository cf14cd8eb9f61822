using System.Runtime.CompilerServices;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;

namespace EdgeKv.Core.BackendKit;

/// <summary>
/// The watch every backend serves (<see cref="IKvStore.WatchAsync"/>), driven by its change feed. The subscription
/// starts before the first snapshot is read, so no change can fall between the two; after a change touching a watched
/// key the keys are read again (one snapshot) and emitted only if some versionstamp differs from the last emission.
/// The watch ends, without an error, when the reader cancels or the store closes. A backend supplies only how it
/// reads a snapshot of the keys and whether it has closed.
/// </summary>
internal static class KvWatchLoop
{
    /// <summary>
    /// Validates <paramref name="keys"/> and subscribes to <paramref name="feed"/> now (at the call, not at the first
    /// MoveNextAsync); the returned sequence emits the keys' entries at once and after each change to them.
    /// </summary>
    public static IAsyncEnumerable<IReadOnlyList<KvEntry>> Start(
        ChangeFeed feed,
        int bufferSize,
        IReadOnlyList<KvKey> keys,
        Func<KvKey[], CancellationToken, ValueTask<IReadOnlyList<KvEntry>>> readSnapshot,
        Func<bool> isClosed,
        CancellationToken cancellationToken)
    {
        KvValidation.ReadKeys(keys, KvLimits.MaxWatchedKeys, KvErrorCode.TooManyWatchedKeys);
        if (keys.Count == 0)
        {
            throw new KvException(KvErrorCode.NoWatchedKeys);
        }

        if (isClosed())
        {
            throw new KvException(KvErrorCode.StoreClosed);
        }

        return RunAsync(feed, feed.Subscribe(bufferSize), [.. keys], readSnapshot, isClosed, cancellationToken);
    }

    private static async IAsyncEnumerable<IReadOnlyList<KvEntry>> RunAsync(
        ChangeFeed feed,
        ChangeSubscription subscription,
        KvKey[] keys,
        Func<KvKey[], CancellationToken, ValueTask<IReadOnlyList<KvEntry>>> readSnapshot,
        Func<bool> isClosed,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            var watched = new HashSet<KvKey>(keys);
            var last = await TryReadSnapshotAsync(keys, readSnapshot, isClosed, cancellationToken).ConfigureAwait(false);
            if (last is null)
            {
                yield break;
            }

            yield return last;
            while (await KvChangeFeedReader.NextOrEndAsync(subscription, cancellationToken).ConfigureAwait(false) is { } batch)
            {
                if (!batch.Any(change => change.Keys.Any(watched.Contains)))
                {
                    continue;
                }

                var current = await TryReadSnapshotAsync(keys, readSnapshot, isClosed, cancellationToken).ConfigureAwait(false);
                if (current is null)
                {
                    yield break;
                }

                if (!SameVersionstamps(last, current))
                {
                    last = current;
                    yield return current;
                }
            }
        }
        finally
        {
            feed.Unsubscribe(subscription);
        }
    }

    /// <summary>The keys' entries, or null when the store has closed or the reader cancelled (which ends the watch).</summary>
    private static async ValueTask<IReadOnlyList<KvEntry>?> TryReadSnapshotAsync(
        KvKey[] keys,
        Func<KvKey[], CancellationToken, ValueTask<IReadOnlyList<KvEntry>>> readSnapshot,
        Func<bool> isClosed,
        CancellationToken cancellationToken)
    {
        try
        {
            return isClosed() ? null : await readSnapshot(keys, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception) when (isClosed())
        {
            // Whatever the read failed with, a store closing under it ends the watch as a closed feed would.
            return null;
        }
    }

    private static bool SameVersionstamps(IReadOnlyList<KvEntry> a, IReadOnlyList<KvEntry> b)
    {
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i].Versionstamp != b[i].Versionstamp)
            {
                return false;
            }
        }

        return true;
    }
}
