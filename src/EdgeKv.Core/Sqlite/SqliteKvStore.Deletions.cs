using System.Runtime.CompilerServices;
using EdgeKv.Core.Store;

namespace EdgeKv.Core.Sqlite;

public sealed partial class SqliteKvStore
{
    // Deletions read per snapshot by ReadDeletionsAsync.
    private const int DeletionPageSize = 1000;

    // Owned by the writer loop: the size of kv_deleted's rows (an upper bound: re-deleting a key replaces its row).
    private long _keptDeletionBytes;

    /// <inheritdoc />
    public Task<bool> RemembersDeletionsAfterAsync(Versionstamp after, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Read(after.CommitVersion, static (connection, after) => Remembers(connection.DeletionHorizon(), after)));
    }

    /// <inheritdoc />
    public IAsyncEnumerable<KvDeletion> ReadDeletionsAsync(KvListSelector selector, Versionstamp after, CancellationToken cancellationToken = default)
    {
        var plan = KvListPlan.Create(selector, null);
        ThrowIfClosed();
        return ReadDeletionPagesAsync(plan, after.CommitVersion, cancellationToken);
    }

    private async IAsyncEnumerable<KvDeletion> ReadDeletionPagesAsync(
        KvListPlan plan, ulong after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var afterKey = Array.Empty<byte>();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = Read((plan, after, afterKey, now: NowMs()), static (connection, s) =>
            {
                connection.BeginSnapshot();
                var remembers = Remembers(connection.DeletionHorizon(), s.after);
                var rows = remembers ? connection.Deletions(s.afterKey, s.plan.Start, s.plan.End, s.after, DeletionPageSize, s.now) : null;
                connection.EndSnapshot();
                return rows;
            });
            if (page is null)
            {
                throw new KvException(KvErrorCode.DeletionsForgotten);
            }

            foreach (var deletion in page)
            {
                yield return deletion;
            }

            if (page.Count < DeletionPageSize)
            {
                yield break;
            }

            afterKey = page[^1].Key.Encode();

            // Reads are synchronous (SQLite); this await only satisfies the async iterator.
            await Task.CompletedTask.ConfigureAwait(false);
        }
    }

    private static bool Remembers((ulong KeptAfter, ulong Version) horizon, ulong after) =>
        horizon.KeptAfter <= after && after <= horizon.Version;

    /// <summary>
    /// Inside the writer's transaction: when the remembered deletions outgrow <see cref="SqliteKvStoreOptions.KeptDeletionBytes"/>,
    /// forgets the oldest so that half that remains (so pruning is rare). Returns the size of what remains.
    /// </summary>
    private long ForgetOldDeletionsIfDue(long keptDeletionBytes) =>
        keptDeletionBytes > _options.KeptDeletionBytes ? _writer.PruneDeletions(_options.KeptDeletionBytes / 2) : keptDeletionBytes;
}
