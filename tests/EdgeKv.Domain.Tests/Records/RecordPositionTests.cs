using EdgeKv.Core.Keys;
using EdgeKv.Core.Values;
using EdgeKv.Domain.Records;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.Records;

/// <summary>The console's total and page jump: counting a prefix's records and starting a page at a position.</summary>
public sealed class RecordPositionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAsync_Skip_StartsAtThatPosition()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");
        foreach (var i in Enumerable.Range(0, 10))
        {
            await host.Records.PutAsync(user, ns.Id, $"k{i:D2}", "v", cancellationToken: Ct);
        }

        // Act
        var page = await host.Records.ListAsync(user, ns.Id, new RecordQuery(Prefix: "k", Limit: 3, Skip: 6), Ct);

        // Assert
        Assert.Equal(["k06", "k07", "k08"], page.Records.Select(r => r.StringKey));
        Assert.False(page.Complete);
    }

    [Fact]
    public async Task ListAsync_SkipPastTheEnd_ReturnsAnEmptyCompletePage()
    {
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");
        await host.Records.PutAsync(user, ns.Id, "only", "v", cancellationToken: Ct);

        var page = await host.Records.ListAsync(user, ns.Id, new RecordQuery(Limit: 3, Skip: 3), Ct);

        Assert.Empty(page.Records);
        Assert.True(page.Complete);
    }

    [Fact]
    public async Task CountAsync_PrefixAndMetadataCompanions_CountsRecordsPeopleSee()
    {
        // Arrange: two records with a prefix, one without, and one metadata companion (hidden from the list).
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");
        await host.Records.PutAsync(user, ns.Id, "user:1", "v", cancellationToken: Ct);
        await host.Records.PutAsync(user, ns.Id, "user:2", "v", cancellationToken: Ct);
        var store = await host.Registry.OpenAsync(ns.StoreId, Ct);
        await store.Atomic().Set(KvKey.Of("k"), KvValue.Text("v")).Set(KvMetadataKeys.For("k"), KvValue.Json("{}")).CommitAsync(Ct);

        // Act
        var all = await host.Records.CountAsync(user, ns.Id, prefix: null, Ct);
        var users = await host.Records.CountAsync(user, ns.Id, "user", Ct);

        // Assert
        Assert.Equal(new RecordCount(Records: 3, Positions: 4), all);
        Assert.Equal(new RecordCount(Records: 2, Positions: 2), users);
    }
}
