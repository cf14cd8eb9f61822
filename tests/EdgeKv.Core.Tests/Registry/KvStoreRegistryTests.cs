using EdgeKv.Core.Sqlite;
using EdgeKv.Core.Tests.Conformance;
using EdgeKv.Core.Tests.Sqlite;
using EdgeKv.Core.Tests.Support;
using static EdgeKv.Core.Tests.Support.Keys;

namespace EdgeKv.Core.Tests.Registry;

/// <summary>The registry conformance suite on SQLite, and what only SQLite has: a catalog and one file per namespace.</summary>
public sealed class KvStoreRegistryTests : KvRegistryConformance<SqliteTestBackend>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly TempDirectory _directory = new();

    // xunit calls only DisposeAsync on a class that has both, so the directory goes here.
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }

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
        Assert.Equal(KvErrorCode.InvalidNamespaceId, error.Code);
        Assert.Empty(registry.ListNamespaces());
        Assert.Equal(["catalog.db"], Directory.GetFiles(_directory.Path, "*.*").Select(Path.GetFileName).Where(f => !f!.StartsWith("catalog.db-", StringComparison.Ordinal)));
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
        Assert.Equal(KvErrorCode.StoreClosed, closed.Code);
    }
}
