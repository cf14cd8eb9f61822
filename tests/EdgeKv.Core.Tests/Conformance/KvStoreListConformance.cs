using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using static EdgeKv.Core.Tests.Support.Keys;

namespace EdgeKv.Core.Tests.Conformance;

public abstract class KvStoreListConformance<TBackend> : KvConformanceTests<TBackend>
    where TBackend : IKvTestBackend, new()
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task SeedUsersAsync(IKvStore store)
    {
        await store.SetAsync(K("users"), Text("the prefix key itself"), cancellationToken: _ct);
        foreach (var name in new[] { "alex", "sam", "taylor" })
        {
            await store.SetAsync(K("users", name), Text(name), cancellationToken: _ct);
        }

        await store.SetAsync(K("usersx", "other"), Text("other"), cancellationToken: _ct);
        await store.SetAsync(K("zzz"), Text("z"), cancellationToken: _ct);
    }

    private async Task<List<string?>> ListTextsAsync(IKvStore store, KvListSelector selector, KvListOptions? options = null)
    {
        var texts = new List<string?>();
        await foreach (var entry in store.ListAsync(selector, options, _ct))
        {
            texts.Add(TextOf(entry));
        }

        return texts;
    }

    [Fact]
    public async Task ListAsync_Prefix_ReturnsKeysUnderItInOrderExcludingThePrefixKey()
    {
        await using var db = await CreateStoreAsync();
        await SeedUsersAsync(db.Store);

        var texts = await ListTextsAsync(db.Store, KvListSelector.WithPrefix(K("users")));

        Assert.Equal(["alex", "sam", "taylor"], texts);
    }

    [Fact]
    public async Task ListAsync_EmptyPrefix_ListsEverything()
    {
        await using var db = await CreateStoreAsync();
        await SeedUsersAsync(db.Store);

        var texts = await ListTextsAsync(db.Store, KvListSelector.WithPrefix(KvKey.Empty));

        Assert.Equal(["the prefix key itself", "alex", "sam", "taylor", "other", "z"], texts);
    }

    [Fact]
    public async Task ListAsync_PrefixAndStart_StartsInclusive()
    {
        await using var db = await CreateStoreAsync();
        await SeedUsersAsync(db.Store);

        var texts = await ListTextsAsync(db.Store, new KvListSelector(Prefix: K("users"), Start: K("users", "sam")));

        Assert.Equal(["sam", "taylor"], texts);
    }

    [Fact]
    public async Task ListAsync_PrefixAndEnd_EndsExclusive()
    {
        await using var db = await CreateStoreAsync();
        await SeedUsersAsync(db.Store);

        var texts = await ListTextsAsync(db.Store, new KvListSelector(Prefix: K("users"), End: K("users", "taylor")));

        Assert.Equal(["alex", "sam"], texts);
    }

    [Fact]
    public async Task ListAsync_Range_ReturnsStartInclusiveEndExclusive()
    {
        await using var db = await CreateStoreAsync();
        await SeedUsersAsync(db.Store);

        var texts = await ListTextsAsync(db.Store, KvListSelector.Range(K("users", "a"), K("users", "n")));

        Assert.Equal(["alex"], texts);
    }

    [Fact]
    public async Task ListAsync_ReverseWithStart_DescendsAndKeepsStartInclusive()
    {
        await using var db = await CreateStoreAsync();
        await SeedUsersAsync(db.Store);

        var texts = await ListTextsAsync(
            db.Store, new KvListSelector(Prefix: K("users"), Start: K("users", "sam")), new KvListOptions { Reverse = true });

        Assert.Equal(["taylor", "sam"], texts);
    }

    [Fact]
    public async Task ListAsync_Limit_StopsAfterLimitEntries()
    {
        await using var db = await CreateStoreAsync();
        await SeedUsersAsync(db.Store);

        var texts = await ListTextsAsync(db.Store, KvListSelector.WithPrefix(K("users")), new KvListOptions { Limit = 2 });

        Assert.Equal(["alex", "sam"], texts);
    }

    [Fact]
    public async Task ListAsync_SmallBatchSize_StillReturnsEverythingInOrder()
    {
        await using var db = await CreateStoreAsync();
        for (var i = 0; i < 25; i++)
        {
            await db.Store.SetAsync(K("n", i), Text(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken: _ct);
        }

        var forward = await ListTextsAsync(db.Store, KvListSelector.WithPrefix(K("n")), new KvListOptions { BatchSize = 4 });
        var backward = await ListTextsAsync(db.Store, KvListSelector.WithPrefix(K("n")), new KvListOptions { BatchSize = 3, Reverse = true, Limit = 10 });

        Assert.Equal(Enumerable.Range(0, 25).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), forward);
        Assert.Equal(Enumerable.Range(15, 10).Reverse().Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), backward);
    }

    [Fact]
    public async Task ListPageAsync_CursorAfterReopen_ResumesAfterTheLastKey()
    {
        await using var db = await CreateStoreAsync();
        await SeedUsersAsync(db.Store);
        var selector = KvListSelector.WithPrefix(K("users"));
        var first = await db.Store.ListPageAsync(selector, new KvListOptions { BatchSize = 2 }, _ct);

        var reopened = await db.ReopenAsync();
        var second = await reopened.ListPageAsync(selector, new KvListOptions { BatchSize = 2, Cursor = first.Cursor }, _ct);

        Assert.Equal(["alex", "sam"], first.Entries.Select(TextOf));
        Assert.False(first.Complete);
        Assert.Equal(["taylor"], second.Entries.Select(TextOf));
        Assert.True(second.Complete);
    }

    [Fact]
    public async Task ListPageAsync_Cursor_IsDenosFormatOfTheKeyAfterThePrefix()
    {
        await using var db = await CreateStoreAsync();
        await SeedUsersAsync(db.Store);

        var page = await db.Store.ListPageAsync(KvListSelector.WithPrefix(K("users")), new KvListOptions { BatchSize = 1 }, _ct);

        // ["users","alex"] encodes as 02 users 00 02 alex 00; after the prefix: 02 'a' 'l' 'e' 'x' 00 -> base64url.
        Assert.Equal("AmFsZXgA", page.Cursor);
    }

    [Fact]
    public async Task ListPageAsync_ReverseCursor_ResumesBelowTheLastKey()
    {
        await using var db = await CreateStoreAsync();
        await SeedUsersAsync(db.Store);
        var selector = KvListSelector.WithPrefix(K("users"));
        var first = await db.Store.ListPageAsync(selector, new KvListOptions { BatchSize = 2, Reverse = true }, _ct);

        var second = await db.Store.ListPageAsync(selector, new KvListOptions { BatchSize = 2, Reverse = true, Cursor = first.Cursor }, _ct);

        Assert.Equal(["taylor", "sam"], first.Entries.Select(TextOf));
        Assert.Equal(["alex"], second.Entries.Select(TextOf));
        Assert.True(second.Complete);
    }

    [Fact]
    public async Task ListPageAsync_EmptyRange_ReturnsEmptyCompletePageWithEmptyCursor()
    {
        await using var db = await CreateStoreAsync();

        var page = await db.Store.ListPageAsync(KvListSelector.WithPrefix(K("nothing")), cancellationToken: _ct);

        Assert.Empty(page.Entries);
        Assert.True(page.Complete);
        Assert.Equal(string.Empty, page.Cursor);
    }
}
