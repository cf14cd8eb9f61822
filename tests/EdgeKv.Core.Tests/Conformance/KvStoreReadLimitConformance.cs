using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using static EdgeKv.Core.Tests.Support.Keys;

namespace EdgeKv.Core.Tests.Conformance;

/// <summary>Every read and list limit crossed once, with Deno's messages.</summary>
public abstract class KvStoreReadLimitConformance<TBackend> : KvConformanceTests<TBackend>
    where TBackend : IKvTestBackend, new()
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static KvKey KeyOfEncodedLength(int bytes) => K(new string('k', bytes - 2));

    [Fact]
    public async Task GetAsync_KeyOverReadLimit_ThrowsKeyTooLargeForRead()
    {
        await using var db = await CreateStoreAsync();

        var error = await Assert.ThrowsAsync<KvException>(
            () => db.Store.GetAsync(KeyOfEncodedLength(KvLimits.MaxReadKeyBytes + 1), cancellationToken: _ct));

        Assert.Equal(KvErrors.KeyTooLargeForRead, error.Message);
        Assert.Equal(KvErrorCode.KeyTooLargeForRead, error.Code);
    }

    [Fact]
    public async Task GetAsync_KeyExactlyAtReadLimit_ReturnsMiss()
    {
        await using var db = await CreateStoreAsync();

        var entry = await db.Store.GetAsync(KeyOfEncodedLength(KvLimits.MaxReadKeyBytes), cancellationToken: _ct);

        Assert.False(entry.Exists);
    }

    [Fact]
    public async Task GetManyAsync_MoreThanTenKeys_ThrowsTooManyRanges()
    {
        await using var db = await CreateStoreAsync();
        var keys = Enumerable.Range(0, KvLimits.MaxReadRanges + 1).Select(i => K("k", i)).ToArray();

        var error = await Assert.ThrowsAsync<KvException>(() => db.Store.GetManyAsync(keys, cancellationToken: _ct));

        Assert.Equal(KvErrors.TooManyRanges, error.Message);
        Assert.Equal(KvErrorCode.TooManyRanges, error.Code);
    }

    [Fact]
    public async Task WatchAsync_MoreThanTenKeys_ThrowsTooManyWatchedKeys()
    {
        await using var db = await CreateStoreAsync();
        var keys = Enumerable.Range(0, KvLimits.MaxWatchedKeys + 1).Select(i => K("k", i)).ToArray();

        var error = Assert.Throws<KvException>(() => db.Store.WatchAsync(keys, _ct));

        Assert.Equal(KvErrors.TooManyWatchedKeys, error.Message);
        Assert.Equal(KvErrorCode.TooManyWatchedKeys, error.Code);
    }

    [Fact]
    public async Task WatchAsync_NoKeys_ThrowsNoWatchedKeys()
    {
        // A watch of nothing could never report a change, yet would hold a subscription (and a client's stream) open.
        await using var db = await CreateStoreAsync();

        var error = Assert.Throws<KvException>(() => db.Store.WatchAsync([], _ct));

        Assert.Equal(KvErrors.NoWatchedKeys, error.Message);
        Assert.Equal(KvErrorCode.NoWatchedKeys, error.Code);
    }

    public static TheoryData<string, KvListSelector> BadSelectors() => new()
    {
        { KvErrors.InvalidSelector, new KvListSelector() },
        { KvErrors.InvalidSelector, new KvListSelector(Start: K("a")) },
        { KvErrors.InvalidSelector, new KvListSelector(End: K("a")) },
        { KvErrors.InvalidSelector, new KvListSelector(K("a"), K("a", 1), K("a", 2)) },
        { KvErrors.StartAfterEnd, KvListSelector.Range(K("b"), K("a")) },
        { KvErrors.StartOutsidePrefix, new KvListSelector(Prefix: K("users"), Start: K("other")) },
        { KvErrors.StartOutsidePrefix, new KvListSelector(Prefix: K("users"), Start: K("users")) },
        { KvErrors.EndOutsidePrefix, new KvListSelector(Prefix: K("users"), End: K("zzz")) },
        { KvErrors.KeyTooLargeForRead, KvListSelector.WithPrefix(KeyOfEncodedLength(KvLimits.MaxReadKeyBytes + 1)) },
    };

    [Theory]
    [MemberData(nameof(BadSelectors))]
    public async Task ListAsync_BadSelector_ThrowsDenosMessage(string message, KvListSelector selector)
    {
        await using var db = await CreateStoreAsync();

        var fromList = Assert.Throws<KvException>(() => db.Store.ListAsync(selector, cancellationToken: _ct));
        var fromPage = await Assert.ThrowsAsync<KvException>(() => db.Store.ListPageAsync(selector, cancellationToken: _ct));

        Assert.Equal(message, fromList.Message);
        Assert.Equal(message, KvErrors.MessageOf(fromList.Code));
        Assert.Equal(message, fromPage.Message);
        Assert.Equal(message, KvErrors.MessageOf(fromPage.Code));
    }

    public static TheoryData<string, KvListOptions> BadOptions() => new()
    {
        { KvErrors.InvalidLimit, new KvListOptions { Limit = 0 } },
        { KvErrors.InvalidBatchSize, new KvListOptions { BatchSize = 0 } },
        { KvErrors.InvalidBatchSize, new KvListOptions { BatchSize = KvLimits.MaxListBatchSize + 1 } },
        { KvErrors.InvalidCursor, new KvListOptions { Cursor = "!!not base64!!" } },
        { KvErrors.InvalidCursor, new KvListOptions { Cursor = "_w" } }, // decodes to 0xFF: not a key
        { KvErrors.InvalidCursor, new KvListOptions { Cursor = "AnphegA" } }, // ["users","zzz"]: a key past this selector's end
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task ListPageAsync_BadOptions_ThrowsDenosMessage(string message, KvListOptions options)
    {
        await using var db = await CreateStoreAsync();

        var error = await Assert.ThrowsAsync<KvException>(
            () => db.Store.ListPageAsync(new KvListSelector(Prefix: K("users"), End: K("users", "m")), options, _ct));

        Assert.Equal(message, error.Message);
        Assert.Equal(message, KvErrors.MessageOf(error.Code));
    }

    [Fact]
    public async Task ListPageAsync_CursorFromAnotherSelectorOutsideThisRange_ThrowsInvalidCursor()
    {
        await using var db = await CreateStoreAsync();
        await db.Store.SetAsync(K("users", "zed"), Text("z"), cancellationToken: _ct);
        var page = await db.Store.ListPageAsync(KvListSelector.WithPrefix(K("users")), cancellationToken: _ct);

        var error = await Assert.ThrowsAsync<KvException>(() => db.Store.ListPageAsync(
            new KvListSelector(Prefix: K("users"), End: K("users", "m")), new KvListOptions { Cursor = page.Cursor }, _ct));

        Assert.Equal(KvErrors.InvalidCursor, error.Message);
        Assert.Equal(KvErrorCode.InvalidCursor, error.Code);
    }
}
