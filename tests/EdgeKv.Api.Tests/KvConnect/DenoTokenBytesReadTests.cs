using System.Text.Json;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Values;

namespace EdgeKv.Api.Tests.KvConnect;

/// <summary>
/// A token's bytes read through KV Connect, with the unmodified Deno runtime: every value a snapshot read or a watch
/// returned counts its stored bytes, a missing key nothing.
/// </summary>
public sealed class DenoTokenBytesReadTests(DomainKvConnectServer server) : IClassFixture<DomainKvConnectServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BytesRead_DenoGetsListsAndWatches_EachReturnedValueCountedOnce()
    {
        // Arrange: two byte values of known sizes, written beside the API (so the token wrote nothing).
        var owner = await server.CreateNamespaceOwnerAsync("ann");
        var store = await server.StoreAsync(owner.Namespace);
        await store.SetAsync(KvKey.Of("r", "a"), KvValue.Bytes(new byte[1000]), cancellationToken: Ct);
        await store.SetAsync(KvKey.Of("r", "b"), KvValue.Bytes(new byte[300]), cancellationToken: Ct);

        // Act
        var result = await ClientProcess.RunDenoAsync("bytes-read.ts", owner.Token.Secret, server.ScriptEnvironmentFor(owner.Namespace), Ct);

        // Assert: what Deno was given, and what its token counted for it.
        Assert.Equal(1000, result.GetProperty("one").GetInt32());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("missing").ValueKind);
        Assert.Equal("[1000,300,null]", result.GetProperty("many").GetRawText());
        Assert.Equal("[1000,300]", result.GetProperty("listed").GetRawText());
        Assert.Equal("[300]", result.GetProperty("watched").GetRawText());
        var used = await server.TokenAfterFlushAsync(owner.Token.Token.Id);
        Assert.Equal((0L, 1000L + 0 + 1300 + 1300 + 300), (used.BytesWritten, used.BytesRead));
    }
}
