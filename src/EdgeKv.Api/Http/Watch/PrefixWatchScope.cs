using System.Runtime.CompilerServices;
using EdgeKv.Core;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;

namespace EdgeKv.Api.Http.Watch;

/// <summary>A watch of every string key under a string prefix ("a" covers "abc"; the empty prefix covers all).</summary>
internal sealed class PrefixWatchScope(string prefix) : WatchScope
{
    // Entries are written out one by one; small batches keep few (up to 25 MiB) values in memory at once.
    private const int BatchSize = 100;

    public override bool Covers(string key) => key.StartsWith(prefix, StringComparison.Ordinal);

    private readonly KvListSelector _selector = KvStringKeys.PrefixRange(prefix);

    public override bool ResumesFromDeletionLog => true;

    public override async IAsyncEnumerable<WatchedEntry> ReadCurrentAsync(IKvStore store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entry in store.ListAsync(_selector, new KvListOptions { BatchSize = BatchSize }, cancellationToken))
        {
            if (KvStringKeys.TryGetString(entry.Key, out var key))
            {
                yield return new WatchedEntry(key, entry);
            }
        }
    }

    public override async IAsyncEnumerable<WatchedEntry> ReadDeletedAsync(
        IKvDeletionLog log, Versionstamp after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var deletion in log.ReadDeletionsAsync(_selector, after, cancellationToken))
        {
            if (KvStringKeys.TryGetString(deletion.Key, out var key))
            {
                yield return new WatchedEntry(key, KvEntry.Missing(deletion.Key));
            }
        }
    }
}
