namespace EdgeKv.Core.Store;

/// <summary>
/// Fans a store's changes out to its subscribers, in commit order. Publishing never waits: each subscriber has its
/// own bounded buffer that merges when full (see <see cref="ChangeSubscription"/>). Thread-safe; the writer publishes.
/// </summary>
internal sealed class ChangeFeed
{
    private readonly Lock _gate = new();
    private ChangeSubscription[] _subscribers = [];
    private bool _completed;

    /// <summary>Starts receiving every change published from now on.</summary>
    public ChangeSubscription Subscribe(int bufferSize)
    {
        var subscription = new ChangeSubscription(bufferSize);
        lock (_gate)
        {
            if (_completed)
            {
                subscription.Complete();
            }
            else
            {
                _subscribers = [.. _subscribers, subscription];
            }
        }

        return subscription;
    }

    public void Unsubscribe(ChangeSubscription subscription)
    {
        lock (_gate)
        {
            _subscribers = Array.FindAll(_subscribers, s => s != subscription);
        }
    }

    public void Publish(KvChange change)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            subscriber.Post(change);
        }
    }

    /// <summary>Ends every subscription (the store is closing); later subscriptions end at once.</summary>
    public void Complete()
    {
        ChangeSubscription[] subscribers;
        lock (_gate)
        {
            _completed = true;
            subscribers = _subscribers;
            _subscribers = [];
        }

        foreach (var subscriber in subscribers)
        {
            subscriber.Complete();
        }
    }
}
