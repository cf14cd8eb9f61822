using EdgeKv.Domain.Events;

namespace EdgeKv.Domain.Tests.Events;

public sealed class DomainEventHubTests
{
    private static DomainEvent Event(int namespaceId) =>
        new(DomainEventKind.NamespaceCreated, "actor", "owner", 1, namespaceId, null, DateTime.UtcNow);

    [Fact]
    public async Task Subscribe_EventPublishedBeforeFirstRead_Delivered()
    {
        // Arrange
        var hub = new DomainEventHub();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(30));
        var events = hub.Subscribe(cts.Token);

        // Act
        hub.Publish(Event(7));

        // Assert
        await using var reader = events.GetAsyncEnumerator(cts.Token);
        Assert.True(await reader.MoveNextAsync());
        Assert.Equal(7, reader.Current.NamespaceId);
    }

    [Fact]
    public async Task Subscribe_TokenCancelled_SubscriberRemoved()
    {
        // Arrange
        var hub = new DomainEventHub();
        using var cts = new CancellationTokenSource();
        var reader = hub.Subscribe(cts.Token).GetAsyncEnumerator(cts.Token);
        var pending = reader.MoveNextAsync();
        Assert.Equal(1, hub.SubscriberCount);

        // Act
        await cts.CancelAsync();

        // Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await pending);
        await reader.DisposeAsync();
        Assert.Equal(0, hub.SubscriberCount);
    }

    [Fact]
    public async Task Publish_SlowSubscriber_KeepsTheNewestEvents()
    {
        // Arrange
        var hub = new DomainEventHub();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(30));
        await using var reader = hub.Subscribe(cts.Token).GetAsyncEnumerator(cts.Token);

        // Act
        for (var i = 0; i < DomainEventHub.SubscriberBufferSize + 10; i++)
        {
            hub.Publish(Event(i));
        }

        // Assert
        Assert.True(await reader.MoveNextAsync());
        Assert.Equal(10, reader.Current.NamespaceId);
    }
}
