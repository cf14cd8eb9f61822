using System.Text.Json;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Values;

namespace EdgeKv.Api.Tests.KvConnect;

/// <summary>
/// The Node client <c>@deno/kv</c> on the operations <see cref="NodeClientTests"/> leaves out: every list selector
/// with cursors, min/max, expireIn and watch.
/// </summary>
public sealed class NodeClientMoreTests(KvConnectServer server)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListMinMaxExpireIn_NodeClient_BehaveAsInDeno()
    {
        // Arrange
        var ns = await server.CreateNamespaceAsync();

        // Act
        var result = await ClientProcess.RunNodeAsync("list-and-atomic.mjs", ScriptEnvironment.ForNode(server, ns, ns.WriteToken), _ct);

        // Assert: what the Node client saw.
        Assert.Equal("""["b","c"]""", result.GetProperty("range").GetRawText());
        Assert.Equal("""["c","d","e"]""", result.GetProperty("fromStart").GetRawText());
        Assert.Equal("""["b","a"]""", result.GetProperty("toEnd").GetRawText());
        Assert.Equal("""["a","b"]""", result.GetProperty("page1").GetRawText());
        Assert.Equal("""["c","d"]""", result.GetProperty("page2").GetRawText());
        Assert.Equal("""{"u64":"3"}""", result.GetProperty("low").GetRawText());
        Assert.Equal("""{"u64":"10"}""", result.GetProperty("high").GetRawText());
        Assert.True(result.GetProperty("lowIsU64").GetBoolean());
        Assert.Equal("short-lived", result.GetProperty("session").GetString());

        // Assert: the engine holds the expiry the client asked for (60 s from the write).
        var session = await ns.Store.GetAsync(KvKey.Of("session"), cancellationToken: _ct);
        Assert.InRange(session.ExpiresAt!.Value - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(61));
    }

    [Fact]
    public async Task Watch_EngineChangesTheKeys_NodeClientSeesEachState()
    {
        // Arrange: b exists from the start, because this client (unlike Deno) skips a first state with no entries.
        var ns = await server.CreateNamespaceAsync();
        await ns.Store.SetAsync(KvKey.Of("w", "b"), KvValue.U64(5), cancellationToken: _ct);
        var args = new { keys = new[] { new[] { "w", "a" }, new[] { "w", "b" } }, updates = 3 };
        await using var node = ClientProcess.StartNode("watch.mjs", ScriptEnvironment.ForNode(server, ns, ns.ReadToken, args));

        // Act + Assert: the initial state, then each change, one at a time.
        var initial = Entries(await node.NextAsync(_ct));
        Assert.Equal(JsonValueKind.Null, initial[0].GetProperty("value").ValueKind);
        Assert.Equal("""{"u64":"5"}""", initial[1].GetProperty("value").GetRawText());

        var setA = await ns.Store.SetAsync(KvKey.Of("w", "a"), KvValue.Text("changed"), cancellationToken: _ct);
        var afterSet = Entries(await node.NextAsync(_ct));
        Assert.Equal("changed", afterSet[0].GetProperty("value").GetString());
        Assert.Equal(setA.ToString(), afterSet[0].GetProperty("versionstamp").GetString());

        await ns.Store.Atomic().Delete(KvKey.Of("w", "a")).Sum(KvKey.Of("w", "b"), 7).CommitAsync(_ct);
        var afterCommit = Entries(await node.NextAsync(_ct));
        Assert.Equal(JsonValueKind.Null, afterCommit[0].GetProperty("value").ValueKind);
        Assert.Equal("""{"u64":"12"}""", afterCommit[1].GetProperty("value").GetRawText());
    }

    private static List<JsonElement> Entries(JsonElement update) => [.. update.GetProperty("entries").EnumerateArray()];
}
