using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Core.Values;
using static EdgeKv.Core.Tests.Support.Keys;

namespace EdgeKv.Core.Tests.Conformance;

public abstract class KvStoreAtomicConformance<TBackend> : KvConformanceTests<TBackend>
    where TBackend : IKvTestBackend, new()
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task CommitAsync_ChecksMatch_AppliesAllMutationsUnderOneVersionstamp()
    {
        await using var db = await CreateStoreAsync();
        var current = await db.Store.SetAsync(K("a"), Text("1"), cancellationToken: _ct);

        var result = await db.Store.Atomic()
            .Check(K("a"), current)
            .Check(K("b"), null)
            .Set(K("a"), Text("2"))
            .Set(K("b"), Text("new"))
            .CommitAsync(_ct);

        var entries = await db.Store.GetManyAsync([K("a"), K("b")], cancellationToken: _ct);
        Assert.True(result.Ok);
        Assert.Equal(["2", "new"], entries.Select(TextOf));
        Assert.All(entries, e => Assert.Equal(result.Versionstamp, e.Versionstamp));
    }

    [Fact]
    public async Task CommitAsync_CheckFails_ReturnsNotOkAndWritesNothing()
    {
        await using var db = await CreateStoreAsync();
        var old = await db.Store.SetAsync(K("a"), Text("1"), cancellationToken: _ct);
        await db.Store.SetAsync(K("a"), Text("changed"), cancellationToken: _ct);
        var statsBefore = await db.Store.GetStatsAsync(_ct);

        var result = await db.Store.Atomic()
            .Check(K("a"), old)
            .Set(K("a"), Text("lost update"))
            .Set(K("b"), Text("b"))
            .CommitAsync(_ct);

        Assert.Same(KvCommitResult.CheckFailed, result);
        Assert.Equal("changed", TextOf(await db.Store.GetAsync(K("a"), cancellationToken: _ct)));
        Assert.False((await db.Store.GetAsync(K("b"), cancellationToken: _ct)).Exists);
        Assert.Equal(statsBefore, await db.Store.GetStatsAsync(_ct));
    }

    [Fact]
    public async Task CommitAsync_CheckNullOnExistingKey_Fails()
    {
        await using var db = await CreateStoreAsync();
        await db.Store.SetAsync(K("a"), Text("1"), cancellationToken: _ct);

        var result = await db.Store.Atomic().Check(K("a"), null).Set(K("a"), Text("2")).CommitAsync(_ct);

        Assert.False(result.Ok);
        Assert.Null(result.Versionstamp);
        Assert.Equal("1", TextOf(await db.Store.GetAsync(K("a"), cancellationToken: _ct)));
    }

    [Fact]
    public async Task CommitAsync_SumPastMax_WrapsModulo2Pow64()
    {
        await using var db = await CreateStoreAsync();
        await db.Store.SetAsync(K("counter"), KvValue.U64(ulong.MaxValue - 1), cancellationToken: _ct);

        await db.Store.Atomic().Sum(K("counter"), 3).CommitAsync(_ct);

        Assert.Equal(1UL, (await db.Store.GetAsync(K("counter"), cancellationToken: _ct)).Value!.AsU64());
    }

    [Fact]
    public async Task CommitAsync_SumOnAbsentKey_StoresTheOperand()
    {
        await using var db = await CreateStoreAsync();

        await db.Store.Atomic().Sum(K("counter"), 42).CommitAsync(_ct);

        var value = (await db.Store.GetAsync(K("counter"), cancellationToken: _ct)).Value!;
        Assert.Equal(KvValueEncoding.U64, value.Encoding);
        Assert.Equal(42UL, value.AsU64());
    }

    [Fact]
    public async Task CommitAsync_MinAndMax_KeepTheSmallerAndTheLarger()
    {
        await using var db = await CreateStoreAsync();
        await db.Store.Atomic().Set(K("lo"), KvValue.U64(10)).Set(K("hi"), KvValue.U64(10)).CommitAsync(_ct);

        await db.Store.Atomic().Min(K("lo"), 3).Max(K("hi"), 30).Min(K("absent-min"), 7).Max(K("absent-max"), 9).CommitAsync(_ct);
        await db.Store.Atomic().Min(K("lo"), 5).Max(K("hi"), 20).CommitAsync(_ct);

        var entries = await db.Store.GetManyAsync([K("lo"), K("hi"), K("absent-min"), K("absent-max")], cancellationToken: _ct);
        Assert.Equal([3UL, 30UL, 7UL, 9UL], entries.Select(e => e.Value!.AsU64()));
    }

    [Fact]
    public async Task CommitAsync_SeveralMutationsOnOneKey_ApplyInOrder()
    {
        await using var db = await CreateStoreAsync();

        await db.Store.Atomic()
            .Set(K("k"), KvValue.U64(1))
            .Sum(K("k"), 10)
            .Max(K("k"), 5)
            .Delete(K("gone"))
            .Set(K("gone"), Text("back"))
            .CommitAsync(_ct);

        Assert.Equal(11UL, (await db.Store.GetAsync(K("k"), cancellationToken: _ct)).Value!.AsU64());
        Assert.Equal("back", TextOf(await db.Store.GetAsync(K("gone"), cancellationToken: _ct)));
    }

    [Fact]
    public async Task CommitAsync_SetSuffixVersionstampedKey_AppendsTheVersionstampAsDenoDoes()
    {
        await using var db = await CreateStoreAsync();

        var result = await db.Store.Atomic()
            .Mutate(new KvMutation(KvMutationKind.SetSuffixVersionstampedKey, K("log"), Text("entry")))
            .CommitAsync(_ct);

        var listed = new List<KvEntry>();
        await foreach (var entry in db.Store.ListAsync(KvListSelector.WithPrefix(K("log")), cancellationToken: _ct))
        {
            listed.Add(entry);
        }

        var only = Assert.Single(listed);
        Assert.Equal(K("log", result.Versionstamp!.Value.ToString()), only.Key);
        Assert.Equal(KvKeyPartKind.String, only.Key[1].Kind);
        Assert.Equal("entry", TextOf(only));
        Assert.Equal(result.Versionstamp, only.Versionstamp);
    }

    [Fact]
    public async Task CommitAsync_DeleteInAtomic_RemovesKey()
    {
        await using var db = await CreateStoreAsync();
        var v = await db.Store.SetAsync(K("a"), Text("x"), cancellationToken: _ct);

        var result = await db.Store.Atomic().Check(K("a"), v).Delete(K("a")).CommitAsync(_ct);

        Assert.True(result.Ok);
        Assert.False((await db.Store.GetAsync(K("a"), cancellationToken: _ct)).Exists);
    }
}
