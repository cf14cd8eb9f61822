using System.Runtime.CompilerServices;
using EdgeKv.Api.Http.Keys;
using EdgeKv.Core;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;

namespace EdgeKv.Api.Http.Watch;

/// <summary>
/// The events of a watch over the store's change feed (<see cref="IKvStore.ChangesAsync"/>), which is subscribed
/// before anything is read, so no commit can fall between the first event and the live ones. Shared by the SSE watch
/// (<see cref="WatchStream"/>) and the SignalR hub, which only differ in how they send an event.
/// <list type="bullet">
/// <item>First event (<c>initial</c>, no id): the current state, as Deno's watch starts. When resuming
/// (<c>after</c>), instead the keys whose versionstamp is newer than <c>after</c>, the keys deleted since (for a
/// keys watch, every absent one; for a prefix watch, those the store's <see cref="IKvDeletionLog"/> remembers), and
/// no event when there are none. When the store no longer remembers deletions that far back (or never reached
/// <c>after</c>), the watch starts over: a full <c>initial</c> event, which the client takes as its whole state.</item>
/// <item>Then one event per commit touching a covered key, its id the commit's versionstamp, holding each such key's
/// state as of that commit: a key already rewritten by a later commit is left to that commit's event, so an id
/// never claims a state it does not hold. Resuming from an id therefore misses nothing.</item>
/// </list>
/// Each batch's entries must be read before the next batch is asked for. Ends on cancellation or when the store
/// closes (a <see cref="KvException"/>).
/// </summary>
internal static class WatchFeed
{
    /// <summary>Subscribes to the change feed now (not on the first read), then yields the watch's events.</summary>
    public static IAsyncEnumerable<WatchBatch> Subscribe(IKvStore store, WatchScope scope, Versionstamp? after, CancellationToken cancellationToken) =>
        ReadAsync(store, store.ChangesAsync(cancellationToken), scope, after, cancellationToken);

    private static async IAsyncEnumerable<WatchBatch> ReadAsync(
        IKvStore store, IAsyncEnumerable<KvChange> feed, WatchScope scope, Versionstamp? after,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var changes = feed.GetAsyncEnumerator(cancellationToken);
        if (after is { } resumeFrom && !await CanResumeAsync(store, scope, resumeFrom, cancellationToken))
        {
            after = null;
        }

        yield return new WatchBatch(null, after is null, FirstEntriesAsync(store, scope, after, cancellationToken), EvenIfEmpty: after is null);
        while (await changes.MoveNextAsync())
        {
            var change = changes.Current;
            if (after is { } resumedFrom && change.Versionstamp <= resumedFrom)
            {
                continue;
            }

            yield return new WatchBatch(change.Versionstamp, false, ChangedEntriesAsync(store, scope, change, cancellationToken), EvenIfEmpty: false);
        }
    }

    /// <summary>True when the watch can resume exactly from <paramref name="after"/> rather than start over.</summary>
    private static async Task<bool> CanResumeAsync(IKvStore store, WatchScope scope, Versionstamp after, CancellationToken cancellationToken) =>
        !scope.ResumesFromDeletionLog
        || await store.RemembersDeletionsAfterAsync(after, cancellationToken);

    private static async IAsyncEnumerable<WatchedEntry> FirstEntriesAsync(
        IKvStore store, WatchScope scope, Versionstamp? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var watched in scope.ReadCurrentAsync(store, cancellationToken))
        {
            if (after is not { } resumedFrom || watched.Entry.Versionstamp is not { } versionstamp || versionstamp > resumedFrom)
            {
                yield return watched;
            }
        }

        if (after is { } since && scope.ResumesFromDeletionLog)
        {
            // Read after the present keys; a key deleted in between shows twice, in order, and its live event follows.
            await foreach (var deleted in scope.ReadDeletedAsync(store, since, cancellationToken))
            {
                yield return deleted;
            }
        }
    }

    /// <summary>The covered keys of a change as of that change (read in snapshots of up to 10 keys).</summary>
    private static async IAsyncEnumerable<WatchedEntry> ChangedEntriesAsync(
        IKvStore store, WatchScope scope, KvChange change, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var keys = change.Keys
            .Select(k => KvStringKeys.TryGetString(k, out var key) ? key : null)
            .OfType<string>()
            .Where(scope.Covers)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var chunk in keys.Chunk(KvLimits.MaxReadRanges))
        {
            var entries = await store.GetManyAsync(chunk.Select(StringKeys.ToTupleKey).ToList(), cancellationToken: cancellationToken);
            for (var i = 0; i < chunk.Length; i++)
            {
                if (entries[i].Versionstamp is not { } versionstamp || versionstamp <= change.Versionstamp)
                {
                    yield return new WatchedEntry(chunk[i], entries[i]);
                }
            }
        }
    }
}
