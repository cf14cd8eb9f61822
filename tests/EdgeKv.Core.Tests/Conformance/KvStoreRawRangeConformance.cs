using EdgeKv.Core.Store;
using static EdgeKv.Core.Tests.Support.Keys;

namespace EdgeKv.Core.Tests.Conformance;

/// <summary>Raw encoded-key ranges (<see cref="IKvRawRangeReader"/>, what KV Connect's snapshot_read asks for).</summary>
public abstract class KvStoreRawRangeConformance<TBackend> : KvConformanceTests<TBackend>
    where TBackend : IKvTestBackend, new()
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadRawRangesAsync_PrefixBounds_ReturnKeysStrictlyUnderThePrefix()
    {
        await using var db = await CreateStoreAsync();
        await SeedAsync(db.Store);
        var prefix = K("users").Encode();

        var ranges = await db.Store.ReadRawRangesAsync([Range([.. prefix, 0x00], [.. prefix, 0xFF], 10)], cancellationToken: _ct);

        Assert.Equal(["alex", "sam", "taylor"], Assert.Single(ranges).Select(TextOf));
    }

    [Fact]
    public async Task ReadRawRangesAsync_SeveralRanges_OneListEachInRequestOrder()
    {
        await using var db = await CreateStoreAsync();
        await SeedAsync(db.Store);
        var prefix = K("users").Encode();
        var alex = K("users", "alex").Encode();

        var ranges = await db.Store.ReadRawRangesAsync(
            [
                Range([.. prefix, 0x00], [.. prefix, 0xFF], 2, reverse: true),
                Range(alex, [.. alex, 0x00], 1),
                Range([.. prefix, 0xFF], [.. prefix, 0x00], 10),
                Range([0x01], [0xFF], 1),
            ],
            cancellationToken: _ct);

        Assert.Equal(4, ranges.Count);
        Assert.Equal(["taylor", "sam"], ranges[0].Select(TextOf));
        Assert.Equal(["alex"], ranges[1].Select(TextOf));
        Assert.Empty(ranges[2]); // start after end
        Assert.Equal(["the prefix key itself"], ranges[3].Select(TextOf));
    }

    [Fact]
    public async Task ReadRawRangesAsync_ExpiredEntry_IsNotReturned()
    {
        var clock = new ManualClock();
        await using var db = await CreateStoreAsync(new KvTestStoreOptions { Clock = clock });
        await db.Store.SetAsync(K("s", "short"), Text("short"), TimeSpan.FromMinutes(1), _ct);
        await db.Store.SetAsync(K("s", "long"), Text("long"), TimeSpan.FromHours(1), _ct);
        clock.Advance(TimeSpan.FromMinutes(2));
        var prefix = K("s").Encode();

        var ranges = await db.Store.ReadRawRangesAsync([Range([.. prefix, 0x00], [.. prefix, 0xFF], 10)], cancellationToken: _ct);

        Assert.Equal(["long"], Assert.Single(ranges).Select(TextOf));
    }

    [Theory]
    [InlineData(KvLimits.MaxReadRanges + 1, 1, 1, KvErrors.TooManyRanges)]
    [InlineData(1, KvLimits.MaxReadKeyBytes + 1, 1, KvErrors.KeyTooLargeForRead)]
    [InlineData(1, 1, 0, KvErrors.InvalidLimit)]
    [InlineData(1, 1, KvLimits.MaxListBatchSize + 1, KvErrors.InvalidBatchSize)]
    public async Task ReadRawRangesAsync_PastALimit_ThrowsItsMessage(int count, int boundLength, int limit, string message)
    {
        await using var db = await CreateStoreAsync();
        var ranges = Enumerable.Repeat(Range([0x01], new byte[boundLength], limit), count).ToList();

        var error = await Assert.ThrowsAsync<KvException>(() => db.Store.ReadRawRangesAsync(ranges, cancellationToken: _ct));

        Assert.Equal(message, error.Message);
        Assert.Equal(message, KvErrors.MessageOf(error.Code));
    }

    [Fact]
    public async Task ReadRawRangesAsync_AtTheLimits_Succeeds()
    {
        await using var db = await CreateStoreAsync();
        var ranges = Enumerable.Repeat(Range([0x01], new byte[KvLimits.MaxReadKeyBytes], KvLimits.MaxListBatchSize), KvLimits.MaxReadRanges).ToList();

        var result = await db.Store.ReadRawRangesAsync(ranges, cancellationToken: _ct);

        Assert.Equal(KvLimits.MaxReadRanges, result.Count);
    }

    private async Task SeedAsync(IKvStore store)
    {
        await store.SetAsync(K("users"), Text("the prefix key itself"), cancellationToken: _ct);
        foreach (var name in new[] { "taylor", "alex", "sam" })
        {
            await store.SetAsync(K("users", name), Text(name), cancellationToken: _ct);
        }

        await store.SetAsync(K("usersx", "other"), Text("other"), cancellationToken: _ct);
    }

    private static KvRawRange Range(byte[] start, byte[] end, int limit, bool reverse = false) => new(start, end, limit, reverse);

    /// <summary>A clock the test moves by hand, so expiry needs no waiting.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
