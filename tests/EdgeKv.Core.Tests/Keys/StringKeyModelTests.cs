using EdgeKv.Core.EdgeOne;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Core.Tests.Support;
using EdgeKv.Core.Values;

namespace EdgeKv.Core.Tests.Keys;

/// <summary>The one string-key model every layer uses: key rules, metadata companions, listing pages.</summary>
public sealed class StringKeyModelTests : IAsyncDisposable
{
    private readonly TestStore _testStore = TestStore.Create();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _testStore.DisposeAsync();

    private IKvStore Store => _testStore.Store;

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void ToTupleKey_EmptyKey_ThrowsKeyLength(string? key)
    {
        var error = Assert.Throws<KvException>(() => StringKeyModel.ToTupleKey(key));

        Assert.Equal(KvErrors.EdgeOneKeyLength, error.Message);
    }

    [Fact]
    public void IsValidKey_By512And513Bytes_AcceptsOnlyTheFirst()
    {
        Assert.True(StringKeyModel.IsValidKey(new string('é', 256)));
        Assert.False(StringKeyModel.IsValidKey(new string('é', 256) + "x"));
    }

    [Fact]
    public async Task Put_WithMetadataThenWithout_RemovesTheOldMetadata()
    {
        await Store.CommitAsync(new KvAtomicWrite([], StringKeyModel.Put("k", KvValue.Text("1"), metadataJson: """{"a":1}""")), _ct);

        await Store.CommitAsync(new KvAtomicWrite([], StringKeyModel.Put("k", KvValue.Text("2"))), _ct);

        Assert.False((await Store.GetAsync(KvMetadataKeys.For("k"), cancellationToken: _ct)).Exists);
    }

    [Fact]
    public async Task EdgeOneDeleteAsync_KeyWithMetadata_LeavesNoMetadataBehind()
    {
        // The defect this model fixes: EdgeOneKv.DeleteAsync deleted ["k"] and left its companion in the store.
        await Store.CommitAsync(new KvAtomicWrite([], StringKeyModel.Put("k", KvValue.Text("v"), metadataJson: """{"a":1}""")), _ct);
        var kv = new EdgeOneKv(Store);

        await kv.DeleteAsync("k", _ct);

        Assert.False((await Store.GetAsync(KvKey.Of("k"), cancellationToken: _ct)).Exists);
        Assert.False((await Store.GetAsync(KvMetadataKeys.For("k"), cancellationToken: _ct)).Exists);
    }

    [Fact]
    public async Task EdgeOnePutAsync_KeyWithMetadata_RemovesTheStaleMetadata()
    {
        await Store.CommitAsync(new KvAtomicWrite([], StringKeyModel.Put("k", KvValue.Text("v"), metadataJson: """{"a":1}""")), _ct);

        await new EdgeOneKv(Store).PutAsync("k", "new", _ct);

        Assert.False((await Store.GetAsync(KvMetadataKeys.For("k"), cancellationToken: _ct)).Exists);
    }

    [Fact]
    public void Delete_TupleKeyOfOneString_DeletesItsCompanionToo()
    {
        var mutations = StringKeyModel.Delete(KvKey.Of("k"));

        Assert.Equal([KvKey.Of("k"), KvMetadataKeys.For("k")], mutations.Select(m => m.Key));
    }

    [Fact]
    public void Delete_TupleKeyOfTwoParts_DeletesOnlyIt()
    {
        var mutations = StringKeyModel.Delete(KvKey.Of("users", "alex"));

        Assert.Equal([KvKey.Of("users", "alex")], mutations.Select(m => m.Key));
    }

    [Fact]
    public async Task ListAsync_PagesByCursor_EachKeyOnceAndTheLastPageComplete()
    {
        for (var i = 0; i < 7; i++)
        {
            await Store.CommitAsync(new KvAtomicWrite([], StringKeyModel.Put($"a{i}", KvValue.Text("v"), metadataJson: "{}")), _ct);
        }

        await Store.SetAsync(KvKey.Of("a3", "tuple"), KvValue.Text("deno"), cancellationToken: _ct);
        List<string> seen = [];
        string? cursor = null;
        StringKeyPage page;
        do
        {
            page = await StringKeyModel.ListAsync(Store, "a", 3, cursor, 100, _ct);
            seen.AddRange(page.Entries.Select(e => e.Key));
            cursor = page.Next;
        }
        while (cursor is not null);

        Assert.Equal(["a0", "a1", "a2", "a3", "a4", "a5", "a6"], seen);
        Assert.Single(page.Entries);
    }

    [Fact]
    public void ParseCursor_OutsideThePrefix_ThrowsInvalidCursor()
    {
        var error = Assert.Throws<KvException>(() => StringKeyModel.ParseCursor("b1", "a"));

        Assert.Equal(KvErrors.InvalidCursor, error.Message);
    }
}
