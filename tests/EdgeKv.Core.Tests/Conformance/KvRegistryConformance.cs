using static EdgeKv.Core.Tests.Support.Keys;

namespace EdgeKv.Core.Tests.Conformance;

/// <summary>The registry's namespaces: create, open, list, delete, stats, and what survives a restart.</summary>
public abstract class KvRegistryConformance<TBackend> : KvConformanceTests<TBackend>
    where TBackend : IKvTestBackend, new()
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateNamespaceAsync_ExistingId_ThrowsNamespaceExistsAndKeepsTheData()
    {
        await using var registry = await OpenRegistryAsync();
        var store = await registry.CreateNamespaceAsync("orders", cancellationToken: _ct);
        await store.SetAsync(K("k"), Text("v"), cancellationToken: _ct);

        var error = await Assert.ThrowsAsync<KvException>(() => registry.CreateNamespaceAsync("orders", cancellationToken: _ct));

        Assert.Equal(KvErrors.NamespaceExists, error.Message);
        Assert.Equal(KvErrorCode.NamespaceExists, error.Code);
        Assert.Equal("v", TextOf(await (await registry.OpenAsync("orders", _ct)).GetAsync(K("k"), cancellationToken: _ct)));
    }

    [Fact]
    public async Task CreateNamespaceAsync_SixtyFourAllowedCharacters_IsAccepted()
    {
        await using var registry = await OpenRegistryAsync();
        var id = "Az09_-" + new string('x', 58);

        await registry.CreateNamespaceAsync(id, cancellationToken: _ct);

        Assert.True(registry.Exists(id));
    }

    [Fact]
    public async Task OpenAsync_UnknownNamespace_ThrowsNamespaceNotFound()
    {
        await using var registry = await OpenRegistryAsync();

        var error = await Assert.ThrowsAsync<KvException>(() => registry.OpenAsync("missing", _ct));

        Assert.Equal(KvErrors.NamespaceNotFound, error.Message);
        Assert.Equal(KvErrorCode.NamespaceNotFound, error.Code);
    }

    [Fact]
    public async Task OpenAsync_AfterRestart_ReturnsTheSameData()
    {
        await using (var registry = await OpenRegistryAsync())
        {
            var store = await registry.CreateNamespaceAsync("orders", cancellationToken: _ct);
            await store.SetAsync(K("k"), Text("kept"), cancellationToken: _ct);
        }

        await using var restarted = await OpenRegistryAsync();
        var reopened = await restarted.OpenAsync("orders", _ct);

        Assert.Equal("kept", TextOf(await reopened.GetAsync(K("k"), cancellationToken: _ct)));
        Assert.Equal(["orders"], restarted.ListNamespaces());
        Assert.Same(reopened, await restarted.OpenAsync("orders", _ct));
    }

    [Fact]
    public async Task OpenAsync_ManyCallersAtOnce_AllGetTheOneStore()
    {
        await using (var registry = await OpenRegistryAsync())
        {
            await registry.CreateNamespaceAsync("orders", cancellationToken: _ct);
        }

        await using var restarted = await OpenRegistryAsync();

        var opened = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => restarted.OpenAsync("orders", _ct), _ct)));

        Assert.All(opened, store => Assert.Same(opened[0], store));
    }

    [Fact]
    public async Task DisposeAsync_ClosesItsStores_ThenRefusesEveryChange()
    {
        await using var registry = await OpenRegistryAsync();
        var store = await registry.CreateNamespaceAsync("orders", cancellationToken: _ct);

        await registry.DisposeAsync();
        await registry.DisposeAsync(); // a second close does nothing

        var closed = await Assert.ThrowsAsync<KvException>(() => store.GetAsync(K("k"), cancellationToken: _ct));
        Assert.Equal(KvErrorCode.StoreClosed, closed.Code);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => registry.OpenAsync("orders", _ct));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => registry.CreateNamespaceAsync("other", cancellationToken: _ct));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => registry.SetBudgetAsync("g", 10, _ct));
    }

    [Fact]
    public async Task DeleteNamespaceAsync_ThenCreateAgain_StartsEmpty()
    {
        await using var registry = await OpenRegistryAsync();
        var store = await registry.CreateNamespaceAsync("ns", cancellationToken: _ct);
        await store.SetAsync(K("old"), Text("v"), cancellationToken: _ct);
        await registry.DeleteNamespaceAsync("ns", _ct);

        var fresh = await registry.CreateNamespaceAsync("ns", cancellationToken: _ct);

        Assert.False((await fresh.GetAsync(K("old"), cancellationToken: _ct)).Exists);
        Assert.Equal(0, (await registry.GetStatsAsync("ns", _ct)).KeyCount);
    }

    [Fact]
    public async Task DeleteNamespaceAsync_Unknown_ThrowsNamespaceNotFound()
    {
        await using var registry = await OpenRegistryAsync();

        var error = await Assert.ThrowsAsync<KvException>(() => registry.DeleteNamespaceAsync("missing", _ct));

        Assert.Equal(KvErrors.NamespaceNotFound, error.Message);
        Assert.Equal(KvErrorCode.NamespaceNotFound, error.Code);
    }

    [Fact]
    public async Task ListNamespaces_Several_InOrdinalOrder()
    {
        await using var registry = await OpenRegistryAsync();
        foreach (var id in new[] { "b", "a", "C", "a-1" })
        {
            await registry.CreateNamespaceAsync(id, cancellationToken: _ct);
        }

        Assert.Equal(["C", "a", "a-1", "b"], registry.ListNamespaces());
    }

    [Fact]
    public async Task GetStatsAsync_Namespace_ReportsItsStoreStats()
    {
        await using var registry = await OpenRegistryAsync();
        var store = await registry.CreateNamespaceAsync("ns", cancellationToken: _ct);
        await store.SetAsync(K("k"), Text("12345"), cancellationToken: _ct);

        var stats = await registry.GetStatsAsync("ns", _ct);

        Assert.Equal(1, stats.KeyCount);
        Assert.Equal(K("k").Encode().Length + 5, stats.StoredBytes);
    }
}
