using System.Text.Json;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Values;

namespace EdgeKv.Api.Tests.KvConnect;

/// <summary>Deno's <c>kv.watch</c> following changes made through the engine.</summary>
public sealed class DenoWatchTests(KvConnectServer server)
{
    [Fact]
    public async Task Watch_EngineChangesTheKeys_DenoSeesEachState()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var ns = await server.CreateNamespaceAsync();
        var args = new { keys = new[] { new[] { "w", "a" }, new[] { "w", "b" } }, updates = 3 };
        await using var deno = ClientProcess.StartDeno("watch.ts", ns.WriteToken, ScriptEnvironment.For(ns, args));

        // Act + Assert: the initial state, then each change, one at a time.
        var initial = Entries(await deno.NextAsync(ct));
        Assert.Equal(JsonValueKind.Null, initial[0].GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, initial[1].GetProperty("value").ValueKind);

        var setA = await ns.Store.SetAsync(KvKey.Of("w", "a"), KvValue.Text("changed"), cancellationToken: ct);
        var afterSet = Entries(await deno.NextAsync(ct));
        Assert.Equal("changed", afterSet[0].GetProperty("value").GetString());
        Assert.Equal(setA.ToString(), afterSet[0].GetProperty("versionstamp").GetString());
        Assert.Equal(JsonValueKind.Null, afterSet[1].GetProperty("value").ValueKind);

        await ns.Store.Atomic().Delete(KvKey.Of("w", "a")).Sum(KvKey.Of("w", "b"), 7).CommitAsync(ct);
        var afterCommit = Entries(await deno.NextAsync(ct));
        Assert.Equal(JsonValueKind.Null, afterCommit[0].GetProperty("value").ValueKind);
        Assert.Equal("""{"u64":"7"}""", afterCommit[1].GetProperty("value").GetRawText());
    }

    private static List<JsonElement> Entries(JsonElement update) => [.. update.GetProperty("entries").EnumerateArray()];
}
