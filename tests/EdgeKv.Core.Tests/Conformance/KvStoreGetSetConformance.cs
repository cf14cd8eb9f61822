using EdgeKv.Core.Store;
using EdgeKv.Core.Values;
using static EdgeKv.Core.Tests.Support.Keys;

namespace EdgeKv.Core.Tests.Conformance;

public abstract class KvStoreGetSetConformance<TBackend> : KvConformanceTests<TBackend>
    where TBackend : IKvTestBackend, new()
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAsync_MissingKey_ReturnsNullValueAndVersionstamp()
    {
        await using var db = await CreateStoreAsync();

        var entry = await db.Store.GetAsync(K("users", "nobody"), cancellationToken: _ct);

        Assert.Equal(K("users", "nobody"), entry.Key);
        Assert.Null(entry.Value);
        Assert.Null(entry.Versionstamp);
        Assert.False(entry.Exists);
    }

    [Fact]
    public async Task SetAsync_ThenGet_ReturnsValueWithTheCommitsVersionstamp()
    {
        await using var db = await CreateStoreAsync();

        var versionstamp = await db.Store.SetAsync(K("users", "alex"), Text("Alex"), cancellationToken: _ct);
        var entry = await db.Store.GetAsync(K("users", "alex"), cancellationToken: _ct);

        Assert.Equal("Alex", TextOf(entry));
        Assert.Equal(KvValueEncoding.Text, entry.Value!.Encoding);
        Assert.Equal(versionstamp, entry.Versionstamp);
        Assert.Null(entry.ExpiresAt);
    }

    [Fact]
    public async Task SetAsync_EmptyValue_RoundTrips()
    {
        await using var db = await CreateStoreAsync();

        await db.Store.SetAsync(K("empty"), KvValue.Bytes(Array.Empty<byte>()), cancellationToken: _ct);
        var entry = await db.Store.GetAsync(K("empty"), cancellationToken: _ct);

        Assert.True(entry.Exists);
        Assert.Equal(0, entry.Value!.Data.Length);
        Assert.Equal(KvValueEncoding.Bytes, entry.Value.Encoding);
    }

    [Fact]
    public async Task SetAsync_Overwrite_ReturnsNewValueAndLaterVersionstamp()
    {
        await using var db = await CreateStoreAsync();
        var first = await db.Store.SetAsync(K("k"), Text("one"), cancellationToken: _ct);

        var second = await db.Store.SetAsync(K("k"), Text("two"), cancellationToken: _ct);
        var entry = await db.Store.GetAsync(K("k"), cancellationToken: _ct);

        Assert.True(second > first);
        Assert.Equal("two", TextOf(entry));
        Assert.Equal(second, entry.Versionstamp);
    }

    [Fact]
    public async Task DeleteAsync_ExistingKey_RemovesItAndReturnsVersionstamp()
    {
        await using var db = await CreateStoreAsync();
        var set = await db.Store.SetAsync(K("k"), Text("v"), cancellationToken: _ct);

        var deleted = await db.Store.DeleteAsync(K("k"), _ct);

        Assert.True(deleted > set);
        Assert.False((await db.Store.GetAsync(K("k"), cancellationToken: _ct)).Exists);
    }

    [Fact]
    public async Task DeleteAsync_MissingKey_IsANoOpCommit()
    {
        await using var db = await CreateStoreAsync();

        var versionstamp = await db.Store.DeleteAsync(K("never"), _ct);

        Assert.Equal(1UL, versionstamp.CommitVersion);
        Assert.Equal(new KvStoreStats(0, 0), await db.Store.GetStatsAsync(_ct));
    }

    [Fact]
    public async Task GetManyAsync_SeveralKeys_ReturnsEntriesInRequestOrderWithMisses()
    {
        await using var db = await CreateStoreAsync();
        var a = await db.Store.SetAsync(K("a"), Text("A"), cancellationToken: _ct);
        var c = await db.Store.SetAsync(K("c"), Text("C"), cancellationToken: _ct);

        var entries = await db.Store.GetManyAsync([K("c"), K("b"), K("a")], cancellationToken: _ct);

        Assert.Equal(["C", null, "A"], entries.Select(TextOf));
        Assert.Equal([c, null, a], entries.Select(e => e.Versionstamp));
        Assert.Equal([K("c"), K("b"), K("a")], entries.Select(e => e.Key));
    }

    [Fact]
    public async Task SetAsync_DotNetNaN_IsTheRowJavaScriptsNaNReads()
    {
        await using var db = await CreateStoreAsync();
        var javaScriptNaN = BitConverter.Int64BitsToDouble(0x7FF8000000000000);
        var negativeWithPayload = BitConverter.Int64BitsToDouble(unchecked((long)0xFFF8000000000001));

        await db.Store.SetAsync(K("n", double.NaN), Text("first"), cancellationToken: _ct);
        await db.Store.SetAsync(K("n", negativeWithPayload), Text("second"), cancellationToken: _ct);
        var entry = await db.Store.GetAsync(K("n", javaScriptNaN), cancellationToken: _ct);

        Assert.Equal("second", TextOf(entry));
        Assert.Equal(1, (await db.Store.GetStatsAsync(_ct)).KeyCount); // one row, not two
        Assert.Equal("026e0021fff8000000000000", Convert.ToHexStringLower(entry.Key.Encode()));
    }

    [Fact]
    public async Task SetAsync_ManyCommits_VersionstampsStrictlyIncreaseAcrossReopen()
    {
        await using var db = await CreateStoreAsync();
        var seen = new List<Versionstamp>();
        for (var i = 0; i < 5; i++)
        {
            seen.Add(await db.Store.SetAsync(K("n", i), Text("x"), cancellationToken: _ct));
        }

        var reopened = await db.ReopenAsync();
        seen.Add(await reopened.SetAsync(K("after"), Text("x"), cancellationToken: _ct));
        seen.Add(await reopened.DeleteAsync(K("after"), _ct));

        Assert.Equal(seen.Order(), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(seen, v => Assert.Equal(0, v.Index));
    }

    [Fact]
    public async Task SetAsync_AfterReopen_ValuesSurvive()
    {
        await using var db = await CreateStoreAsync();
        var versionstamp = await db.Store.SetAsync(K("durable"), Text("yes"), cancellationToken: _ct);

        var reopened = await db.ReopenAsync();
        var entry = await reopened.GetAsync(K("durable"), cancellationToken: _ct);

        Assert.Equal("yes", TextOf(entry));
        Assert.Equal(versionstamp, entry.Versionstamp);
    }
}
