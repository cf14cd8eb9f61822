using EdgeKv.Core.Sqlite;
using EdgeKv.Core.Tests.Support;
using static EdgeKv.Core.Tests.Support.Keys;

namespace EdgeKv.Core.Tests.Registry;

public sealed class KvStoreRegistryTests : IDisposable
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private SqliteKvStoreRegistry NewRegistry() => new(_directory.Path);

    [Fact]
    public async Task CreateNamespaceAsync_NewId_CreatesAStoreFileAndListsIt()
    {
        await using var registry = NewRegistry();

        var store = await registry.CreateNamespaceAsync("orders", cancellationToken: _ct);
        await store.SetAsync(K("k"), Text("v"), cancellationToken: _ct);

        Assert.True(File.Exists(_directory.File("orders.kv.sqlite")));
        Assert.True(File.Exists(_directory.File("catalog.db")));
        Assert.True(registry.Exists("orders"));
        Assert.Equal(["orders"], registry.ListNamespaces());
    }

    [Fact]
    public async Task CreateNamespaceAsync_ExistingId_ThrowsNamespaceExistsAndKeepsTheData()
    {
        await using var registry = NewRegistry();
        var store = await registry.CreateNamespaceAsync("orders", cancellationToken: _ct);
        await store.SetAsync(K("k"), Text("v"), cancellationToken: _ct);

        var error = await Assert.ThrowsAsync<KvException>(() => registry.CreateNamespaceAsync("orders", cancellationToken: _ct));

        Assert.Equal(KvErrors.NamespaceExists, error.Message);
        Assert.Equal("v", TextOf(await (await registry.OpenAsync("orders", _ct)).GetAsync(K("k"), cancellationToken: _ct)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("dot.dot")]
    [InlineData("../escape")]
    [InlineData("ünïcode")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")] // 65
    public async Task CreateNamespaceAsync_InvalidId_ThrowsInvalidNamespaceIdAndCreatesNothing(string id)
    {
        await using var registry = NewRegistry();

        var error = await Assert.ThrowsAsync<KvException>(() => registry.CreateNamespaceAsync(id, cancellationToken: _ct));

        Assert.Equal(KvErrors.InvalidNamespaceId, error.Message);
        Assert.Empty(registry.ListNamespaces());
        Assert.Equal(["catalog.db"], Directory.GetFiles(_directory.Path, "*.*").Select(Path.GetFileName).Where(f => !f!.StartsWith("catalog.db-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CreateNamespaceAsync_SixtyFourAllowedCharacters_IsAccepted()
    {
        await using var registry = NewRegistry();
        var id = "Az09_-" + new string('x', 58);

        await registry.CreateNamespaceAsync(id, cancellationToken: _ct);

        Assert.True(registry.Exists(id));
    }

    [Fact]
    public async Task OpenAsync_UnknownNamespace_ThrowsNamespaceNotFound()
    {
        await using var registry = NewRegistry();

        var error = await Assert.ThrowsAsync<KvException>(() => registry.OpenAsync("missing", _ct));

        Assert.Equal(KvErrors.NamespaceNotFound, error.Message);
    }

    [Fact]
    public async Task OpenAsync_AfterRestart_ReturnsTheSameData()
    {
        await using (var registry = NewRegistry())
        {
            var store = await registry.CreateNamespaceAsync("orders", cancellationToken: _ct);
            await store.SetAsync(K("k"), Text("kept"), cancellationToken: _ct);
        }

        await using var restarted = NewRegistry();
        var reopened = await restarted.OpenAsync("orders", _ct);

        Assert.Equal("kept", TextOf(await reopened.GetAsync(K("k"), cancellationToken: _ct)));
        Assert.Equal(["orders"], restarted.ListNamespaces());
        Assert.Same(reopened, await restarted.OpenAsync("orders", _ct));
    }

    [Fact]
    public async Task DeleteNamespaceAsync_Existing_RemovesFilesCatalogEntryAndClosesTheStore()
    {
        await using var registry = NewRegistry();
        var store = await registry.CreateNamespaceAsync("temp", cancellationToken: _ct);
        await store.SetAsync(K("k"), Text("v"), cancellationToken: _ct);

        await registry.DeleteNamespaceAsync("temp", _ct);

        Assert.False(registry.Exists("temp"));
        Assert.Empty(registry.ListNamespaces());
        Assert.Empty(Directory.GetFiles(_directory.Path, "temp.kv.sqlite*"));
        var closed = await Assert.ThrowsAsync<KvException>(() => store.GetAsync(K("k"), cancellationToken: _ct));
        Assert.Equal(KvErrors.StoreClosed, closed.Message);
    }

    [Fact]
    public async Task DeleteNamespaceAsync_ThenCreateAgain_StartsEmpty()
    {
        await using var registry = NewRegistry();
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
        await using var registry = NewRegistry();

        var error = await Assert.ThrowsAsync<KvException>(() => registry.DeleteNamespaceAsync("missing", _ct));

        Assert.Equal(KvErrors.NamespaceNotFound, error.Message);
    }

    [Fact]
    public async Task ListNamespaces_Several_InOrdinalOrder()
    {
        await using var registry = NewRegistry();
        foreach (var id in new[] { "b", "a", "C", "a-1" })
        {
            await registry.CreateNamespaceAsync(id, cancellationToken: _ct);
        }

        Assert.Equal(["C", "a", "a-1", "b"], registry.ListNamespaces());
    }

    [Fact]
    public async Task GetStatsAsync_Namespace_ReportsItsStoreStats()
    {
        await using var registry = NewRegistry();
        var store = await registry.CreateNamespaceAsync("ns", cancellationToken: _ct);
        await store.SetAsync(K("k"), Text("12345"), cancellationToken: _ct);

        var stats = await registry.GetStatsAsync("ns", _ct);

        Assert.Equal(1, stats.KeyCount);
        Assert.Equal(K("k").Encode().Length + 5, stats.StoredBytes);
    }
}
