using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Core.Tests.Support;
using EdgeKv.Core.Values;
using static EdgeKv.Core.Tests.Support.Keys;

namespace EdgeKv.Core.Tests.Conformance;

/// <summary>Every write limit crossed once, each proving the refused call changed nothing and consumed no version.</summary>
public abstract class KvStoreWriteLimitConformance<TBackend> : KvConformanceTests<TBackend>
    where TBackend : IKvTestBackend, new()
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static KvKey KeyOfEncodedLength(int bytes) => K(new string('k', bytes - 2)); // string part: 0x02 + chars + 0x00

    private static async Task AssertRefusedAsync(KvTestStore db, string message, Func<Task> act)
    {
        await db.Store.SetAsync(K("existing"), Text("before"));
        var before = await StoreSnapshot.TakeAsync(db.Store);

        var error = await Assert.ThrowsAsync<KvException>(act);

        Assert.Equal(message, error.Message);
        Assert.Equal(message, KvErrors.MessageOf(error.Code)); // the code names this refusal, not another
        Assert.Equal(before, await StoreSnapshot.TakeAsync(db.Store));
        var next = await db.Store.SetAsync(K("probe"), Text("x"));
        Assert.Equal(2UL, next.CommitVersion); // the refused call consumed no version
    }

    [Fact]
    public async Task SetAsync_EmptyKey_ThrowsEmptyKey()
    {
        await using var db = await CreateStoreAsync();
        await AssertRefusedAsync(db, KvErrors.EmptyKey, () => db.Store.SetAsync(KvKey.Empty, Text("v"), cancellationToken: _ct));
    }

    [Fact]
    public async Task SetAsync_KeyOverWriteLimit_ThrowsKeyTooLargeForWrite()
    {
        await using var db = await CreateStoreAsync();
        await AssertRefusedAsync(db, KvErrors.KeyTooLargeForWrite,
            () => db.Store.SetAsync(KeyOfEncodedLength(KvLimits.MaxWriteKeyBytes + 1), Text("v"), cancellationToken: _ct));
    }

    [Fact]
    public async Task SetAsync_KeyExactlyAtWriteLimit_IsAccepted()
    {
        await using var db = await CreateStoreAsync();
        var key = KeyOfEncodedLength(KvLimits.MaxWriteKeyBytes);

        await db.Store.SetAsync(key, Text("v"), cancellationToken: _ct);

        Assert.Equal(KvLimits.MaxWriteKeyBytes, key.Encode().Length);
        Assert.True((await db.Store.GetAsync(key, cancellationToken: _ct)).Exists);
    }

    [Fact]
    public async Task SetAsync_ValueOverLimit_ThrowsValueTooLarge()
    {
        await using var db = await CreateStoreAsync();
        await AssertRefusedAsync(db, KvErrors.ValueTooLarge,
            () => db.Store.SetAsync(K("big"), KvValue.Bytes(new byte[KvLimits.MaxValueBytes + 1]), cancellationToken: _ct));
    }

    [Fact]
    public async Task SetAsync_ValueExactlyAtLimit_IsStoredAndCounted()
    {
        await using var db = await CreateStoreAsync();

        await db.Store.SetAsync(K("big"), KvValue.Bytes(new byte[KvLimits.MaxValueBytes]), cancellationToken: _ct);

        Assert.Equal(KvLimits.MaxValueBytes, (await db.Store.GetAsync(K("big"), cancellationToken: _ct)).Value!.Data.Length);
        Assert.Equal(KvLimits.MaxValueBytes + K("big").Encode().Length, (await db.Store.GetStatsAsync(_ct)).StoredBytes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task SetAsync_NonPositiveExpireIn_ThrowsInvalidExpireIn(int milliseconds)
    {
        await using var db = await CreateStoreAsync();
        await AssertRefusedAsync(db, KvErrors.InvalidExpireIn,
            () => db.Store.SetAsync(K("k"), Text("v"), TimeSpan.FromMilliseconds(milliseconds), _ct));
    }

    [Fact]
    public async Task CommitAsync_TooManyChecks_ThrowsTooManyChecks()
    {
        await using var db = await CreateStoreAsync();
        var op = db.Store.Atomic().Set(K("k"), Text("v"));
        for (var i = 0; i <= KvLimits.MaxChecks; i++)
        {
            op.Check(K("c", i), null);
        }

        await AssertRefusedAsync(db, KvErrors.TooManyChecks, () => op.CommitAsync(_ct));
    }

    [Fact]
    public async Task CommitAsync_TooManyMutations_ThrowsTooManyMutations()
    {
        await using var db = await CreateStoreAsync();
        var op = db.Store.Atomic();
        for (var i = 0; i <= KvLimits.MaxMutations; i++)
        {
            op.Set(K("m", i), Text("v"));
        }

        await AssertRefusedAsync(db, KvErrors.TooManyMutations, () => op.CommitAsync(_ct));
    }

    [Fact]
    public async Task CommitAsync_TotalSizeOverLimit_ThrowsTotalMutationSizeTooLarge()
    {
        await using var db = await CreateStoreAsync();
        var half = new byte[(KvLimits.MaxTotalMutationBytes / 2) + 1];
        var op = db.Store.Atomic().Set(K("a"), KvValue.Bytes(half)).Set(K("b"), KvValue.Bytes(half));

        await AssertRefusedAsync(db, KvErrors.TotalMutationSizeTooLarge, () => op.CommitAsync(_ct));
    }

    [Fact]
    public async Task CommitAsync_OversizedMutationKey_ThrowsAndWritesNoneOfTheCommit()
    {
        await using var db = await CreateStoreAsync();
        var op = db.Store.Atomic().Set(K("fine"), Text("v")).Set(KeyOfEncodedLength(KvLimits.MaxWriteKeyBytes + 1), Text("v"));

        await AssertRefusedAsync(db, KvErrors.KeyTooLargeForWrite, () => op.CommitAsync(_ct));
    }

    [Theory]
    [InlineData(KvMutationKind.Sum, KvErrors.SumOnNonU64)]
    [InlineData(KvMutationKind.Min, KvErrors.MinOnNonU64)]
    [InlineData(KvMutationKind.Max, KvErrors.MaxOnNonU64)]
    public async Task CommitAsync_NumericMutationOnNonU64_ThrowsAndWritesNothingOfTheCommit(KvMutationKind kind, string message)
    {
        await using var db = await CreateStoreAsync();

        // AssertRefusedAsync stores the text value "existing" first.
        var op = db.Store.Atomic()
            .Set(K("written-first"), Text("would be written"))
            .Mutate(new KvMutation(kind, K("existing"), KvValue.U64(1)));

        await AssertRefusedAsync(db, message, () => op.CommitAsync(_ct));
    }

    // Operands as a Deno client sends them (V8 value-serializer bytes), and the engine's own encodings.
    public static TheoryData<KvMutationKind, string, KvValue, string> NonU64Operands => new()
    {
        { KvMutationKind.Sum, "a V8 int32 1", KvValue.V8(Convert.FromHexString("ff0f4902")), KvErrors.SumKvU64WithNumber },
        { KvMutationKind.Sum, "a V8 double 1.5", KvValue.V8(Convert.FromHexString("ff0f4e000000000000f83f")), KvErrors.SumKvU64WithNumber },
        { KvMutationKind.Sum, "a V8 bigint 1n", KvValue.V8(Convert.FromHexString("ff0f5a100100000000000000")), KvErrors.SumKvU64WithBigInt },
        { KvMutationKind.Sum, "a V8 true", KvValue.V8(Convert.FromHexString("ff0f54")), KvErrors.SumOperandNotV8Number },
        { KvMutationKind.Sum, "text", Text("1"), KvErrors.SumOperandNotV8Number },
        { KvMutationKind.Min, "a V8 int32 1", KvValue.V8(Convert.FromHexString("ff0f4902")), KvErrors.MinOperandNotU64 },
        { KvMutationKind.Min, "text", Text("1"), KvErrors.MinOperandNotU64 },
        { KvMutationKind.Max, "a V8 int32 1", KvValue.V8(Convert.FromHexString("ff0f4902")), KvErrors.MaxOperandNotU64 },
        { KvMutationKind.Max, "text", Text("1"), KvErrors.MaxOperandNotU64 },
    };

    [Theory]
    [MemberData(nameof(NonU64Operands))]
    public async Task CommitAsync_NumericMutationWithNonU64Operand_ThrowsDenosMessageAndWritesNothing(
        KvMutationKind kind, string operandName, KvValue operand, string message)
    {
        await using var db = await CreateStoreAsync();
        await db.Store.SetAsync(K("counter"), KvValue.U64(5), cancellationToken: _ct);
        var before = await StoreSnapshot.TakeAsync(db.Store);
        var op = db.Store.Atomic()
            .Set(K("written-first"), Text("would be written"))
            .Mutate(new KvMutation(kind, K("counter"), operand));

        var error = await Assert.ThrowsAsync<KvException>(() => op.CommitAsync(_ct));

        Assert.True(message == error.Message, $"{kind} of {operandName}: {error.Message}");
        Assert.Equal(before, await StoreSnapshot.TakeAsync(db.Store));
        Assert.Equal(5UL, (await db.Store.GetAsync(K("counter"), cancellationToken: _ct)).Value!.AsU64());
        Assert.Equal(2UL, (await db.Store.SetAsync(K("probe"), Text("x"), cancellationToken: _ct)).CommitVersion);
    }

    [Theory]
    [InlineData(KvMutationKind.Sum, KvErrors.SumOperandNotV8Number)]
    [InlineData(KvMutationKind.Min, KvErrors.MinOperandNotU64)]
    [InlineData(KvMutationKind.Max, KvErrors.MaxOperandNotU64)]
    public async Task CommitAsync_NonU64OperandOnNonU64Value_RefusesTheOperandFirst(KvMutationKind kind, string message)
    {
        await using var db = await CreateStoreAsync();

        // As Deno: the operand is checked before the stored value is read. AssertRefusedAsync stores text at "existing".
        var op = db.Store.Atomic().Mutate(new KvMutation(kind, K("existing"), Text("1")));

        await AssertRefusedAsync(db, message, () => op.CommitAsync(_ct));
    }

    [Fact]
    public async Task SetAsync_AfterDispose_ThrowsStoreClosed()
    {
        var db = await CreateStoreAsync();
        await db.Store.DisposeAsync();

        var error = await Assert.ThrowsAsync<KvException>(() => db.Store.SetAsync(K("k"), Text("v"), cancellationToken: _ct));

        Assert.Equal(KvErrors.StoreClosed, error.Message);
        Assert.Equal(KvErrorCode.StoreClosed, error.Code);
        await db.DisposeAsync();
    }
}
