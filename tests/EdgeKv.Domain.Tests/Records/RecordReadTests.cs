using EdgeKv.Core.Keys;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Records;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.Records;

public sealed class RecordReadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAsync_WithPrefix_ReturnsOnlyThoseKeysInOrder()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");
        foreach (var key in new[] { "user:2", "order:1", "user:1", "users", "user", "usex" })
        {
            await host.Records.PutAsync(user, ns.Id, key, "v", cancellationToken: Ct);
        }

        // Act
        var page = await host.Records.ListAsync(user, ns.Id, new RecordQuery(Prefix: "user"), Ct);

        // Assert
        Assert.Equal(["user", "user:1", "user:2", "users"], page.Records.Select(r => r.StringKey));
        Assert.True(page.Complete);
        Assert.Null(page.Cursor);
    }

    [Fact]
    public async Task ListAsync_PagedWithCursor_VisitsEveryKeyOnce()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var keys = Enumerable.Range(0, 7).Select(i => $"k{i:D2}").ToList();
        foreach (var key in keys)
        {
            await host.Records.PutAsync(user, ns.Id, key, "v", cancellationToken: Ct);
        }

        // Act
        var seen = new List<string>();
        var pages = 0;
        string? cursor = null;
        bool complete;
        do
        {
            var page = await host.Records.ListAsync(user, ns.Id, new RecordQuery(Prefix: "k", Cursor: cursor, Limit: 3), Ct);
            seen.AddRange(page.Records.Select(r => r.StringKey!));
            cursor = page.Cursor;
            complete = page.Complete;
            pages++;
        }
        while (!complete && pages < 10);

        // Assert
        Assert.Equal(keys, seen);
        Assert.InRange(pages, 3, 4);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(257)]
    public async Task ListAsync_LimitOutOfRange_Refused(int limit)
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");

        // Act
        var error = await DomainAssert.RefusedAsync(DomainErrors.InvalidListLimit, () => host.Records.ListAsync(user, ns.Id, new RecordQuery(Limit: limit), Ct));

        // Assert
        Assert.Equal("limit must be between 1 and 256", error.Message);
    }

    [Fact]
    public async Task WatchChangesAsync_AfterPut_ReportsTheChangedKey()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var changes = await host.Records.WatchChangesAsync(user, ns.Id, timeout.Token);
        await using var reader = changes.GetAsyncEnumerator(timeout.Token);
        var next = reader.MoveNextAsync();

        // Act
        await host.Records.PutAsync(user, ns.Id, "live", "1", cancellationToken: Ct);

        // Assert
        Assert.True(await next);
        Assert.Contains(KvKey.Of("live"), reader.Current.Keys);
    }
}
