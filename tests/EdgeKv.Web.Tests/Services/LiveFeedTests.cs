using System.Runtime.CompilerServices;
using System.Threading.Channels;
using EdgeKv.Domain.Errors;
using EdgeKv.Web.Services;

namespace EdgeKv.Web.Tests.Services;

public sealed class LiveFeedTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Start_ItemsPublished_ReachTheCallbackInOrder()
    {
        var channel = Channel.CreateUnbounded<int>();
        var seen = Channel.CreateUnbounded<int>();

        await using var feed = LiveFeed.Start(token => channel.Reader.ReadAllAsync(token), item => seen.Writer.WriteAsync(item).AsTask());
        foreach (var item in new[] { 1, 2, 3 })
        {
            await channel.Writer.WriteAsync(item, TestContext.Current.CancellationToken);
        }

        Assert.Equal([1, 2, 3], await ReadAsync(seen.Reader, 3));
    }

    [Fact]
    public async Task DisposeAsync_WhileWaiting_EndsTheLoopAndNoCallbackFollows()
    {
        var channel = Channel.CreateUnbounded<int>();
        var calls = 0;
        var feed = LiveFeed.Start(token => channel.Reader.ReadAllAsync(token), _ =>
        {
            Interlocked.Increment(ref calls);
            return Task.CompletedTask;
        });

        await feed.DisposeAsync().AsTask().WaitAsync(Patience, TestContext.Current.CancellationToken);
        await channel.Writer.WriteAsync(1, TestContext.Current.CancellationToken);

        Assert.Equal(0, Volatile.Read(ref calls));
    }

    [Fact]
    public async Task StartAsync_RefusedSubscription_ThrowsToTheCaller()
    {
        var refusal = DomainErrors.NamespaceNotFound.ToException();

        var thrown = await Assert.ThrowsAsync<DomainException>(() =>
            LiveFeed.StartAsync<int>(_ => Task.FromException<IAsyncEnumerable<int>>(refusal), _ => Task.CompletedTask));

        Assert.Same(refusal, thrown);
    }

    [Fact]
    public async Task StartAsync_StreamFailsLater_ReportsTheErrorOnce()
    {
        var reported = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);

        await using var feed = await LiveFeed.StartAsync(
            _ => Task.FromResult(FailingStream()),
            _ => Task.CompletedTask,
            exception =>
            {
                reported.TrySetResult(exception);
                return Task.CompletedTask;
            });

        var error = await reported.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal("store closed", error.Message);
    }

    private static async Task<List<int>> ReadAsync(ChannelReader<int> reader, int count)
    {
        var items = new List<int>();
        using var timeout = new CancellationTokenSource(Patience);
        while (items.Count < count)
        {
            items.Add(await reader.ReadAsync(timeout.Token));
        }

        return items;
    }

    private static async IAsyncEnumerable<int> FailingStream([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        yield return 1;
        throw new InvalidOperationException("store closed");
    }
}
