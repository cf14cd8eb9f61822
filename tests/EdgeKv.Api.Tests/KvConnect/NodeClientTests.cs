using EdgeKv.Api.KvConnect;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Core;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Values;

namespace EdgeKv.Api.Tests.KvConnect;

/// <summary>The Node client <c>@deno/kv</c>, unchanged, against EdgeKv over HTTP/1.1.</summary>
public sealed class NodeClientTests(KvConnectServer server)
{
    [Fact]
    public async Task BasicOperations_NodeClient_WorksOnTheEngineStore()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var ns = await server.CreateNamespaceAsync();
        await ns.Store.SetAsync(KvKey.Of("seeded", "text"), KvValue.Text("from the console ✓"), cancellationToken: ct);
        await ns.Store.SetAsync(KvKey.Of("seeded", "json"), KvValue.Json("""{"plan":"pro","seats":3}"""), cancellationToken: ct);

        // Act
        var result = await ClientProcess.RunNodeAsync("basic.mjs", ScriptEnvironment.ForNode(server, ns, ns.WriteToken), ct);

        // Assert: what the Node client saw.
        Assert.True(result.GetProperty("set").GetProperty("ok").GetBoolean());
        Assert.Equal("""{"hello":"wörld","list":[1,2,3]}""", result.GetProperty("get").GetProperty("value").GetRawText());
        Assert.Equal(
            """[{"hello":"wörld","list":[1,2,3]},null,"from the console ✓",{"plan":"pro","seats":3}]""",
            result.GetProperty("many").GetRawText());
        Assert.Equal("[4,3,2]", result.GetProperty("listed").GetRawText());
        Assert.Equal("[0,1,2,3,4]", result.GetProperty("paged").GetRawText());
        Assert.True(result.GetProperty("checkPassed").GetBoolean());
        Assert.False(result.GetProperty("checkFailed").GetBoolean());
        Assert.Equal("""{"u64":"42"}""", result.GetProperty("counter").GetRawText());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.GetProperty("deleted").ValueKind);
        Assert.Contains(KvErrors.SumOnNonU64, result.GetProperty("sumOnText").GetString());

        // Assert: what the engine holds.
        Assert.Equal(42UL, (await ns.Store.GetAsync(KvKey.Of("node", "counter"), cancellationToken: ct)).Value!.AsU64());
        Assert.False((await ns.Store.GetAsync(KvKey.Of("node", "items", 0), cancellationToken: ct)).Exists);
        Assert.True((await ns.Store.GetAsync(KvKey.Of("node", "items", 4), cancellationToken: ct)).Exists);
    }

    [Fact]
    public async Task V8Values_NodeClient_ReceivesAndSendsExactBytes()
    {
        // Arrange: valid V8 encodings no serializer would produce (padding tags before a string), so any
        // re-encoding on the way would show.
        var ct = TestContext.Current.CancellationToken;
        var ns = await server.CreateNamespaceAsync();
        byte[] stored = [0xFF, 0x0F, 0x00, 0x22, 0x02, (byte)'h', (byte)'i'];
        const string sendHex = "ff0f00002203616263";
        await ns.Store.SetAsync(KvKey.Of("raw", "stored"), KvValue.V8(stored), cancellationToken: ct);

        // Act
        var result = await ClientProcess.RunNodeAsync(
            "raw-values.mjs", ScriptEnvironment.ForNode(server, ns, ns.WriteToken, new { sendHex }), ct);

        // Assert
        Assert.Equal(Convert.ToHexStringLower(stored), result.GetProperty("received").GetString());
        Assert.Equal("hi", result.GetProperty("decoded").GetString());
        var sent = await ns.Store.GetAsync(KvKey.Of("raw", "sent"), cancellationToken: ct);
        Assert.Equal(KvValueEncoding.V8, sent.Value!.Encoding);
        Assert.Equal(sendHex, Convert.ToHexStringLower(sent.Value.Data.Span));
    }

    [Fact]
    public async Task Access_RefusedTokens_NodeClientThrowsAndNothingChanges()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var ns = await server.CreateNamespaceAsync();
        await ns.Store.SetAsync(KvKey.Of("guarded"), KvValue.Text("original"), cancellationToken: ct);

        // Act
        var badToken = await ClientProcess.RunNodeAsync("access.mjs", ScriptEnvironment.ForNode(server, ns, "bogus"), ct);
        var readOnly = await ClientProcess.RunNodeAsync("access.mjs", ScriptEnvironment.ForNode(server, ns, ns.ReadToken), ct);

        // Assert
        Assert.Contains(KvConnectErrors.InvalidAccessToken, badToken.GetProperty("openError").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, readOnly.GetProperty("readError").ValueKind);
        Assert.Contains("AW_WRITE_DISABLED", readOnly.GetProperty("writeError").GetString());
        var guarded = await ns.Store.GetAsync(KvKey.Of("guarded"), cancellationToken: ct);
        Assert.Equal("original", guarded.Value!.AsText());
    }
}
