using System.Numerics;
using EdgeKv.Core.EdgeOne;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Core.Tests.Support;
using EdgeKv.Core.Values;

namespace EdgeKv.Core.Tests.EdgeOne;

public sealed class EdgeOneListTests : IAsyncDisposable
{
    private readonly TestStore _testStore = TestStore.Create();
    private readonly EdgeOneKv _kv;
    private readonly IKvStore _store;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public EdgeOneListTests()
    {
        _store = _testStore.Store;
        _kv = new EdgeOneKv(_store);
    }

    public ValueTask DisposeAsync() => _testStore.DisposeAsync();

    [Fact]
    public async Task ListAsync_StringPrefix_MatchesKeysStartingWithIt()
    {
        foreach (var key in new[] { "b", "a", "abc", "ab", "a\0z", "aé", "b1" })
        {
            await _kv.PutAsync(key, "v", cancellationToken: _ct);
        }

        var result = await _kv.ListAsync(new EdgeOneListOptions(Prefix: "a"), cancellationToken: _ct);

        Assert.True(result.Complete);
        Assert.Null(result.Cursor);
        Assert.Equal(["a", "a\0z", "ab", "abc", "aé"], result.Keys.Select(k => k.Key));
    }

    [Fact]
    public async Task ListAsync_NoPrefix_ListsEveryStringKeyInByteOrder()
    {
        foreach (var key in new[] { "z", "\uE000", "\U0001F600", "A" })
        {
            await _kv.PutAsync(key, "v", cancellationToken: _ct);
        }

        var result = await _kv.ListAsync(cancellationToken: _ct);

        Assert.Equal(["A", "z", "\uE000", "\U0001F600"], result.Keys.Select(k => k.Key));
    }

    [Fact]
    public async Task ListAsync_WithLimit_PagesWithTheNextKeyAsCursor()
    {
        for (var i = 0; i < 7; i++)
        {
            await _kv.PutAsync($"item:{i}", "v", cancellationToken: _ct);
        }

        var first = await _kv.ListAsync(new EdgeOneListOptions(Prefix: "item:", Limit: 3), cancellationToken: _ct);
        var second = await _kv.ListAsync(new EdgeOneListOptions(Prefix: "item:", Limit: 3, Cursor: first.Cursor), cancellationToken: _ct);
        var third = await _kv.ListAsync(new EdgeOneListOptions(Prefix: "item:", Limit: 3, Cursor: second.Cursor), cancellationToken: _ct);

        Assert.False(first.Complete);
        Assert.Equal("item:3", first.Cursor);
        Assert.Equal(["item:3", "item:4", "item:5"], second.Keys.Select(k => k.Key));
        Assert.True(third.Complete);
        Assert.Equal(["item:6"], third.Keys.Select(k => k.Key));
    }

    [Fact]
    public async Task ListAsync_DefaultLimit_Is256()
    {
        await _store.Atomic().Set(KvKey.Of("seed"), KvValue.Text("v")).CommitAsync(cancellationToken: _ct);
        var atomic = _store.Atomic();
        for (var i = 0; i < 300; i++)
        {
            atomic.Set(KvKey.Of($"k{i:D3}"), KvValue.Text("v"));
        }

        await atomic.CommitAsync(cancellationToken: _ct);

        var result = await _kv.ListAsync(new EdgeOneListOptions(Prefix: "k"), cancellationToken: _ct);

        Assert.Equal(256, result.Keys.Count);
        Assert.False(result.Complete);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(257)]
    public async Task ListAsync_LimitOutOfRange_ThrowsLimitError(int limit)
    {
        var error = await Assert.ThrowsAsync<KvException>(() => _kv.ListAsync(new EdgeOneListOptions(Limit: limit), cancellationToken: _ct));

        Assert.Equal(KvErrors.EdgeOneListLimit, error.Message);
    }

    [Fact]
    public async Task ListAsync_CursorOutsidePrefix_ThrowsInvalidCursor()
    {
        var error = await Assert.ThrowsAsync<KvException>(() => _kv.ListAsync(new EdgeOneListOptions(Prefix: "a", Cursor: "b"), cancellationToken: _ct));

        Assert.Equal(KvErrors.InvalidCursor, error.Message);
    }

    [Fact]
    public async Task ListAsync_SkipsKeysThatAreNotOnePartStrings()
    {
        await _kv.PutAsync("user", "v", cancellationToken: _ct);
        await _store.SetAsync(KvKey.Of("user", "alex"), KvValue.Text("deno tuple"), cancellationToken: _ct);
        await _store.SetAsync(KvKey.Of(new BigInteger(-5)), KvValue.Text("deno int"), cancellationToken: _ct);

        var result = await _kv.ListAsync(new EdgeOneListOptions(Prefix: "u"), cancellationToken: _ct);

        Assert.Equal(["user"], result.Keys.Select(k => k.Key));
    }

    [Fact]
    public async Task ListAsync_PrefixOfMaxCodePoint_StillFindsItsKeys()
    {
        await _kv.PutAsync("\U0010FFFF\U0010FFFFx", "v", cancellationToken: _ct);

        var result = await _kv.ListAsync(new EdgeOneListOptions(Prefix: "\U0010FFFF"), cancellationToken: _ct);

        Assert.Equal(["\U0010FFFF\U0010FFFFx"], result.Keys.Select(k => k.Key));
    }
}
