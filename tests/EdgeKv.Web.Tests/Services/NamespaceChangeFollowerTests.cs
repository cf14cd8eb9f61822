using System.Collections.Concurrent;
using System.Threading.Channels;
using EdgeKv.Core;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Domain.Errors;
using EdgeKv.Web.Services;

namespace EdgeKv.Web.Tests.Services;

/// <summary>The follower over hand-made change feeds: one channel per namespace, and the token each subscription got.</summary>
public sealed class NamespaceChangeFollowerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<int, Channel<KvChange>> _feeds = new();
    private readonly ConcurrentDictionary<int, CancellationToken> _subscriptions = new();
    private readonly Channel<int> _callbacks = Channel.CreateUnbounded<int>();

    [Fact]
    public async Task FollowAsync_NewNamespaces_SubscribesAndSaysSoOnce()
    {
        await using var follower = NewFollower();

        var first = await follower.FollowAsync([1, 2]);
        var again = await follower.FollowAsync([1, 2]);

        Assert.True(first);
        Assert.False(again);
        Assert.Equal([1, 2], _subscriptions.Keys.Order());
    }

    [Fact]
    public async Task FollowAsync_NamespaceNoLongerShown_EndsItsSubscriptionOnly()
    {
        await using var follower = NewFollower();
        await follower.FollowAsync([1, 2]);

        await follower.FollowAsync([2]);

        Assert.True(_subscriptions[1].IsCancellationRequested);
        Assert.False(_subscriptions[2].IsCancellationRequested);
    }

    [Fact]
    public async Task DisposeAsync_EndsEverySubscription()
    {
        var follower = NewFollower();
        await follower.FollowAsync([1, 2, 3]);

        await follower.DisposeAsync();

        Assert.All(_subscriptions.Values, token => Assert.True(token.IsCancellationRequested));
        Assert.False(await follower.FollowAsync([4]));
        Assert.False(_subscriptions.ContainsKey(4));
    }

    [Fact]
    public async Task Commit_InAnyFollowedNamespace_CallsThePageBack()
    {
        await using var follower = NewFollower();
        await follower.FollowAsync([1, 2]);

        await _feeds[2].Writer.WriteAsync(Change(), TestContext.Current.CancellationToken);

        await _callbacks.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Patience, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task FollowAsync_NamespaceDeletedMeanwhile_IsSkipped()
    {
        await using var follower = new NamespaceChangeFollower(
            (_, _) => Task.FromException<IAsyncEnumerable<KvChange>>(DomainErrors.NamespaceNotFound.ToException()),
            () => Task.CompletedTask);

        Assert.False(await follower.FollowAsync([7]));
    }

    private NamespaceChangeFollower NewFollower() => new(
        (id, token) =>
        {
            _subscriptions[id] = token;
            var feed = _feeds.GetOrAdd(id, _ => Channel.CreateUnbounded<KvChange>());
            return Task.FromResult(feed.Reader.ReadAllAsync(token));
        },
        () => _callbacks.Writer.WriteAsync(1).AsTask());

    private static KvChange Change() => new(Versionstamp.FromCommitVersion(1), [KvKey.Of("k")]);
}
