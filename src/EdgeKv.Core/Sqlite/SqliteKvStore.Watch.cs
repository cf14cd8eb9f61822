using System.Runtime.CompilerServices;
using EdgeKv.Core.BackendKit;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;

namespace EdgeKv.Core.Sqlite;

public sealed partial class SqliteKvStore
{
    /// <inheritdoc />
    /// <remarks>
    /// Driven by the change feed: the subscription starts before the first snapshot is read, so no change can fall
    /// between the two. After a change touching a watched key the keys are read again (one snapshot) and emitted only
    /// if some versionstamp differs from the last emission. An expired key changes when the sweep removes it.
    /// </remarks>
    public IAsyncEnumerable<IReadOnlyList<KvEntry>> WatchAsync(IReadOnlyList<KvKey> keys, CancellationToken cancellationToken = default)
    {
        KvValidation.ReadKeys(keys, KvLimits.MaxWatchedKeys, KvErrorCode.TooManyWatchedKeys);
        if (keys.Count == 0)
        {
            throw new KvException(KvErrorCode.NoWatchedKeys);
        }

        ThrowIfClosed();
        return WatchCoreAsync([.. keys], _feed.Subscribe(_options.ChangeFeedBufferSize), cancellationToken);
    }

    private async IAsyncEnumerable<IReadOnlyList<KvEntry>> WatchCoreAsync(
        KvKey[] keys, ChangeSubscription subscription, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            var watched = new HashSet<KvKey>(keys);
            var last = TryReadSnapshot(keys);
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

                var current = TryReadSnapshot(keys);
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
            _feed.Unsubscribe(subscription);
        }
    }

    /// <summary>The keys' entries, or null when the store has closed meanwhile (which ends the watch).</summary>
    private IReadOnlyList<KvEntry>? TryReadSnapshot(KvKey[] keys)
    {
        try
        {
            return ReadSnapshot(keys);
        }
        catch (KvException) when (IsClosed)
        {
            return null;
        }
        catch (ObjectDisposedException) when (IsClosed)
        {
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
