using System.Text;
using System.Text.Json;
using EdgeKv.Core.EdgeOne;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Core.Tests.Support;
using EdgeKv.Core.Values;

namespace EdgeKv.Core.Tests.EdgeOne;

public sealed class EdgeOneKvTests : IAsyncDisposable
{
    private readonly TestStore _testStore = TestStore.Create();
    private readonly EdgeOneKv _kv;
    private readonly IKvStore _store;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public EdgeOneKvTests()
    {
        _store = _testStore.Store;
        _kv = new EdgeOneKv(_store);
    }

    public ValueTask DisposeAsync() => _testStore.DisposeAsync();

    [Fact]
    public async Task GetAsync_AfterPutText_ReturnsTheText()
    {
        await _kv.PutAsync("count", "41", cancellationToken: _ct);

        Assert.Equal("41", await _kv.GetAsync("count", cancellationToken: _ct));
    }

    [Fact]
    public async Task GetAsync_JsonType_ReturnsParsedJson()
    {
        await _kv.PutAsync("cart", """{"items":[1,2],"total":3}""", cancellationToken: _ct);

        var json = (JsonElement)(await _kv.GetAsync("cart", "json", cancellationToken: _ct))!;

        Assert.Equal(3, json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task GetAsync_JsonTypeOnText_ThrowsNotJson()
    {
        await _kv.PutAsync("plain", "not json", cancellationToken: _ct);

        var error = await Assert.ThrowsAsync<KvException>(() => _kv.GetAsync("plain", EdgeOneValueType.Json, cancellationToken: _ct));

        Assert.Equal(KvErrors.EdgeOneNotJson, error.Message);
    }

    [Fact]
    public async Task GetAsync_ArrayBufferAndStream_ReturnTheBytes()
    {
        byte[] bytes = [0, 1, 2, 255];
        await _kv.PutAsync("blob", bytes, cancellationToken: _ct);

        var buffer = (byte[])(await _kv.GetAsync("blob", "arrayBuffer", cancellationToken: _ct))!;
        await using var stream = (Stream)(await _kv.GetAsync("blob", "stream", cancellationToken: _ct))!;
        var streamed = new MemoryStream();
        await stream.CopyToAsync(streamed, cancellationToken: _ct);

        Assert.Equal(bytes, buffer);
        Assert.Equal(bytes, streamed.ToArray());
    }

    [Fact]
    public async Task GetAsync_MissingOrEmptyValue_ReturnsNull()
    {
        await _kv.PutAsync("empty", "", cancellationToken: _ct);

        Assert.Null(await _kv.GetAsync("missing", cancellationToken: _ct));
        Assert.Null(await _kv.GetAsync("empty", cancellationToken: _ct));
    }

    [Fact]
    public async Task GetAsync_UnknownType_ThrowsTypeError()
    {
        var error = await Assert.ThrowsAsync<KvException>(() => _kv.GetAsync("k", "blob", cancellationToken: _ct));

        Assert.Equal(KvErrors.EdgeOneGetType, error.Message);
    }

    [Fact]
    public async Task PutAsync_Stream_StoresItsBytes()
    {
        await _kv.PutAsync("streamed", new MemoryStream(Encoding.UTF8.GetBytes("from a stream")), cancellationToken: _ct);

        Assert.Equal("from a stream", await _kv.GetAsync("streamed", cancellationToken: _ct));
    }

    [Fact]
    public async Task PutAsync_StreamOverValueLimit_ThrowsAndWritesNothing()
    {
        var tooLarge = new MemoryStream(new byte[KvLimits.MaxValueBytes + 1]);

        var error = await Assert.ThrowsAsync<KvException>(() => _kv.PutAsync("big", tooLarge, cancellationToken: _ct));

        Assert.Equal(KvErrors.ValueTooLarge, error.Message);
        Assert.Null(await _kv.GetAsync("big", cancellationToken: _ct));
    }

    [Fact]
    public async Task PutAsync_ValueAtTheLimit_IsStored()
    {
        await _kv.PutAsync("max", new byte[KvLimits.MaxValueBytes], cancellationToken: _ct);

        Assert.Equal(KvLimits.MaxValueBytes, ((byte[])(await _kv.GetAsync("max", "arrayBuffer", cancellationToken: _ct))!).Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task PutAsync_EmptyKey_ThrowsKeyLength(string? key)
    {
        var error = await Assert.ThrowsAsync<KvException>(() => _kv.PutAsync(key!, "v", cancellationToken: _ct));

        Assert.Equal(KvErrors.EdgeOneKeyLength, error.Message);
    }

    [Fact]
    public async Task PutAsync_KeyOf513Bytes_ThrowsAndWritesNothing()
    {
        var longKey = new string('k', 511) + "é"; // 511 + 2 UTF-8 bytes

        var error = await Assert.ThrowsAsync<KvException>(() => _kv.PutAsync(longKey, "v", cancellationToken: _ct));

        Assert.Equal(KvErrors.EdgeOneKeyLength, error.Message);
        Assert.Equal(0, (await _store.GetStatsAsync(cancellationToken: _ct)).KeyCount);
    }

    [Fact]
    public async Task PutAsync_KeyOf512Bytes_IsStored()
    {
        var key = new string('k', 510) + "é";

        await _kv.PutAsync(key, "v", cancellationToken: _ct);

        Assert.Equal("v", await _kv.GetAsync(key, cancellationToken: _ct));
    }

    [Fact]
    public async Task DeleteAsync_ExistingKey_RemovesIt()
    {
        await _kv.PutAsync("gone", "v", cancellationToken: _ct);

        await _kv.DeleteAsync("gone", cancellationToken: _ct);

        Assert.Null(await _kv.GetAsync("gone", cancellationToken: _ct));
    }

    [Fact]
    public async Task StringKey_IsTheOnePartTupleKey_SameRecordThroughBothApis()
    {
        await _kv.PutAsync("shared", "from edgeone", cancellationToken: _ct);
        await _store.SetAsync(KvKey.Of("from-deno"), KvValue.Text("from deno"), cancellationToken: _ct);

        var throughDeno = await _store.GetAsync(KvKey.Of("shared"), cancellationToken: _ct);

        Assert.Equal("from edgeone", throughDeno.Value!.AsText());
        Assert.Equal("from deno", await _kv.GetAsync("from-deno", cancellationToken: _ct));
    }

    [Fact]
    public async Task GetAsync_U64WrittenByAtomicSum_ReadsAsDecimalText()
    {
        await _store.Atomic().Sum(KvKey.Of("visits"), 42).CommitAsync(cancellationToken: _ct);

        Assert.Equal("42", await _kv.GetAsync("visits", cancellationToken: _ct));
    }
}
