using System.Runtime.CompilerServices;
using EdgeKv.Core;
using EdgeKv.Core.Store;

namespace EdgeKv.Api.Http.Watch;

/// <summary>Which string keys a watch follows, and how their current state is read for its first event.</summary>
internal abstract class WatchScope
{
    /// <summary>True when a change to <paramref name="key"/> concerns this watch.</summary>
    public abstract bool Covers(string key);

    /// <summary>
    /// The current state for the first event: for a keys watch every watched key, present or not (as Deno's watch
    /// starts); for a prefix watch every present key under the prefix.
    /// </summary>
    public abstract IAsyncEnumerable<WatchedEntry> ReadCurrentAsync(IKvStore store, CancellationToken cancellationToken);

    /// <summary>
    /// True when resuming needs the store's remembered deletions (<see cref="IKvDeletionLog"/>): a prefix watch cannot
    /// otherwise know which keys vanished, while a keys watch reports its absent keys anyway.
    /// </summary>
    public virtual bool ResumesFromDeletionLog => false;

    /// <summary>For a resumed watch: the covered keys deleted after <paramref name="after"/> and absent now.</summary>
    public virtual async IAsyncEnumerable<WatchedEntry> ReadDeletedAsync(
        IKvDeletionLog log, Versionstamp after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        yield break;
    }
}

/// <summary>A string key and its entry (a miss when it is absent).</summary>
internal readonly record struct WatchedEntry(string Key, KvEntry Entry);
