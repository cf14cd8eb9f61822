using EdgeKv.Core.Keys;
using EdgeKv.Core.Values;
using EdgeKv.Domain.Records;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.Records;

/// <summary>The HTTP API's metadata companions (KvMetadataKeys) in the console: hidden from the records, deleted with their key.</summary>
public sealed class RecordMetadataCompanionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAsync_KeyWithMetadataCompanion_ListsOnlyTheKey()
    {
        // Arrange: a record written with metadata, as the HTTP API writes it (one commit).
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var store = await host.Registry.OpenAsync(ns.StoreId, Ct);
        await store.Atomic().Set(KvKey.Of("k"), KvValue.Text("v")).Set(KvMetadataKeys.For("k"), KvValue.Json("""{"a":1}""")).CommitAsync(Ct);

        // Act
        var page = await host.Records.ListAsync(user, ns.Id, new RecordQuery(), Ct);

        // Assert
        Assert.Equal([KvKey.Of("k")], page.Records.Select(r => r.Key));
    }

    [Fact]
    public async Task DeleteAsync_KeyWithMetadataCompanion_DeletesBoth()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var store = await host.Registry.OpenAsync(ns.StoreId, Ct);
        await store.Atomic().Set(KvKey.Of("k"), KvValue.Text("v")).Set(KvMetadataKeys.For("k"), KvValue.Json("""{"a":1}""")).CommitAsync(Ct);

        // Act
        await host.Records.DeleteAsync(user, ns.Id, "k", Ct);

        // Assert
        Assert.Equal(0, (await store.GetStatsAsync(Ct)).KeyCount);
    }

    [Fact]
    public async Task DeleteManyAsync_KeysWithMetadataCompanions_DeletesThemAll()
    {
        // Arrange: more keys than one commit of 1000 mutations can delete with their companions.
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var store = await host.Registry.OpenAsync(ns.StoreId, Ct);
        var keys = Enumerable.Range(0, 600).Select(i => $"k{i:D3}").ToList();
        foreach (var chunk in keys.Chunk(400))
        {
            var write = store.Atomic();
            foreach (var key in chunk)
            {
                write.Set(KvKey.Of(key), KvValue.Text("v")).Set(KvMetadataKeys.For(key), KvValue.Json("{}"));
            }

            await write.CommitAsync(Ct);
        }

        // Act
        await host.Records.DeleteManyAsync(user, ns.Id, [.. keys.Select(k => KvKey.Of(k))], Ct);

        // Assert
        Assert.Equal(0, (await store.GetStatsAsync(Ct)).KeyCount);
    }

    [Fact]
    public async Task PutAsync_KeyWithMetadataCompanion_RemovesTheOldMetadata()
    {
        // Arrange: the console rewrites a value the HTTP API wrote with metadata.
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var store = await host.Registry.OpenAsync(ns.StoreId, Ct);
        await store.Atomic().Set(KvKey.Of("k"), KvValue.Text("v")).Set(KvMetadataKeys.For("k"), KvValue.Json("""{"a":1}""")).CommitAsync(Ct);

        // Act
        await host.Records.PutAsync(user, ns.Id, "k", "new", cancellationToken: Ct);

        // Assert: one record, no companion left behind.
        Assert.False((await store.GetAsync(KvMetadataKeys.For("k"), cancellationToken: Ct)).Exists);
        Assert.Equal(1, (await store.GetStatsAsync(Ct)).KeyCount);
    }
}
