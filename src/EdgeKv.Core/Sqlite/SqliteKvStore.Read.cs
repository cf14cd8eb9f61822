using EdgeKv.Core.Diagnostics;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;

namespace EdgeKv.Core.Sqlite;

public sealed partial class SqliteKvStore
{
    /// <inheritdoc />
    public Task<KvEntry> GetAsync(KvKey key, KvConsistency consistency = KvConsistency.Strong, CancellationToken cancellationToken = default)
    {
        KvValidation.ReadKey(key);
        cancellationToken.ThrowIfCancellationRequested();
        KvMetrics.Operation(KvMetrics.OperationKinds.Read, KvMetrics.Outcomes.Ok);
        _usage.Read(1);
        return Task.FromResult(Read((key, now: NowMs()), static (connection, state) => connection.Get(state.key, state.now)));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<KvEntry>> GetManyAsync(
        IReadOnlyList<KvKey> keys, KvConsistency consistency = KvConsistency.Strong, CancellationToken cancellationToken = default)
    {
        KvValidation.ReadKeys(keys, KvLimits.MaxReadRanges, KvErrorCode.TooManyRanges);
        cancellationToken.ThrowIfCancellationRequested();
        KvMetrics.Operation(KvMetrics.OperationKinds.Read, KvMetrics.Outcomes.Ok);
        _usage.Read(keys.Count);
        return Task.FromResult(ReadSnapshot(keys));
    }

    /// <summary>The entries of <paramref name="keys"/> read in one snapshot.</summary>
    private IReadOnlyList<KvEntry> ReadSnapshot(IReadOnlyList<KvKey> keys) =>
        Read((keys, now: NowMs()), static (connection, state) =>
        {
            var entries = new KvEntry[state.keys.Count];
            connection.BeginSnapshot();
            for (var i = 0; i < entries.Length; i++)
            {
                entries[i] = connection.Get(state.keys[i], state.now);
            }

            connection.EndSnapshot();
            return (IReadOnlyList<KvEntry>)entries;
        });
}
