using System.Runtime.CompilerServices;
using EdgeKv.Core.Store;

namespace EdgeKv.Core.BackendKit;

/// <summary>
/// Reads a store's <see cref="ChangeFeed"/> for <see cref="IKvStore.ChangesAsync"/> and for watches. One place for the
/// rules every backend's readers follow: the subscription starts when the call is made (not at the first
/// MoveNextAsync), so no change after it is missed; a reader that cancels, or a feed that completes because the store
/// closed, ends the sequence (an ending, not an error); the subscription is dropped however the reader stops.
/// </summary>
internal static class KvChangeFeedReader
{
    /// <summary>Every change <paramref name="feed"/> publishes from this call on, in commit order.</summary>
    public static IAsyncEnumerable<KvChange> Subscribe(ChangeFeed feed, int bufferSize, CancellationToken cancellationToken) =>
        ReadAsync(feed, feed.Subscribe(bufferSize), cancellationToken);

    /// <summary>The next changes, or null when the feed ended or the reader cancelled (an ending, not an error).</summary>
    public static async Task<IReadOnlyList<KvChange>?> NextOrEndAsync(ChangeSubscription subscription, CancellationToken cancellationToken)
    {
        try
        {
            return await subscription.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static async IAsyncEnumerable<KvChange> ReadAsync(
        ChangeFeed feed, ChangeSubscription subscription, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            while (await NextOrEndAsync(subscription, cancellationToken).ConfigureAwait(false) is { } batch)
            {
                foreach (var change in batch)
                {
                    yield return change;
                }
            }
        }
        finally
        {
            feed.Unsubscribe(subscription);
        }
    }
}
