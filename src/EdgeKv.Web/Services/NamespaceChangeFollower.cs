using EdgeKv.Core.Store;
using EdgeKv.Domain.Errors;

namespace EdgeKv.Web.Services;

/// <summary>
/// Follows the engine change feeds of the namespaces a page shows and calls the page back, coalesced by a
/// <see cref="CoalescingTrigger"/>, when any of them commits: a record written in the console, through the HTTP API or
/// by a Deno client. The page names its namespaces after each load (<see cref="FollowAsync"/>); the feeds of
/// namespaces it no longer shows end there, and all end in <see cref="DisposeAsync"/>. Nothing polls.
/// </summary>
public sealed class NamespaceChangeFollower : IAsyncDisposable
{
    private readonly Dictionary<int, LiveFeed> _feeds = [];

    // Loads run from domain events and from this follower's own callback, so two may call FollowAsync at once.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Func<int, CancellationToken, Task<IAsyncEnumerable<KvChange>>> _subscribe;
    private readonly CoalescingTrigger _trigger;
    private bool _disposed;

    /// <summary>
    /// A follower that subscribes with <paramref name="subscribe"/> (the domain's authorized change feed of a namespace)
    /// and calls <paramref name="onChanges"/> after commits, at most once per <see cref="CoalescingTrigger.LiveInterval"/>.
    /// </summary>
    public NamespaceChangeFollower(Func<int, CancellationToken, Task<IAsyncEnumerable<KvChange>>> subscribe, Func<Task> onChanges)
    {
        _subscribe = subscribe;
        _trigger = new CoalescingTrigger(CoalescingTrigger.LiveInterval, _ => onChanges());
    }

    /// <summary>
    /// Follows exactly <paramref name="namespaceIds"/> from now on. True when a namespace was not followed before: figures
    /// read before its feed began may miss a commit made in between, so the page reads them once more.
    /// </summary>
    public async Task<bool> FollowAsync(IEnumerable<int> namespaceIds)
    {
        var wanted = namespaceIds.ToHashSet();
        await _gate.WaitAsync();
        try
        {
            if (_disposed)
            {
                return false;
            }

            foreach (var gone in _feeds.Keys.Where(id => !wanted.Contains(id)).ToList())
            {
                await _feeds[gone].DisposeAsync();
                _feeds.Remove(gone);
            }

            var added = false;
            foreach (var id in wanted.Where(id => !_feeds.ContainsKey(id)))
            {
                added |= await TryStartAsync(id);
            }

            return added;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // The trigger first: its run in progress may be a load that is waiting to call FollowAsync.
        await _trigger.DisposeAsync();
        await _gate.WaitAsync();
        try
        {
            _disposed = true;
            foreach (var feed in _feeds.Values)
            {
                await feed.DisposeAsync();
            }

            _feeds.Clear();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> TryStartAsync(int namespaceId)
    {
        try
        {
            // A feed that fails later (its store closed) just stops; the page still reloads on domain events.
            _feeds[namespaceId] = await LiveFeed.StartAsync(
                token => _subscribe(namespaceId, token),
                _ =>
                {
                    _trigger.Signal();
                    return Task.CompletedTask;
                },
                _ => Task.CompletedTask);
            return true;
        }
        catch (DomainException)
        {
            // Deleted since the page listed it: the next load will not list it either.
            return false;
        }
    }
}
