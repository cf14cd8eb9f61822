using System.Text.Json;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Values;

namespace EdgeKv.Api.Tests.KvConnect;

/// <summary>The Deno runtime, unchanged, reading and writing an EdgeKv namespace through KV Connect.</summary>
public sealed class DenoBasicTests(KvConnectServer server)
{
    [Fact]
    public async Task GetSetDelete_DenoClient_WorksOnTheEngineStore()
    {
        // Arrange: values the engine holds that no Deno client wrote (EdgeOne/console text and JSON, a KvU64, bytes).
        var ct = TestContext.Current.CancellationToken;
        var ns = await server.CreateNamespaceAsync();
        var text = await ns.Store.SetAsync(KvKey.Of("seeded", "text"), KvValue.Text("héllo wörld ✓"), cancellationToken: ct);
        await ns.Store.SetAsync(KvKey.Of("seeded", "json"), KvValue.Json("""{"a":1,"b":[true,null,"x"],"c":{"d":1.5}}"""), cancellationToken: ct);
        await ns.Store.SetAsync(KvKey.Of("seeded", "u64"), KvValue.U64(42), cancellationToken: ct);
        await ns.Store.SetAsync(KvKey.Of("seeded", "bytes"), KvValue.Bytes(new byte[] { 1, 2, 3 }), cancellationToken: ct);

        // Act
        var result = await ClientProcess.RunDenoAsync("basic.ts", ns.WriteToken, ScriptEnvironment.For(ns), ct);

        // Assert: what Deno saw.
        Assert.True(result.GetProperty("set").GetProperty("ok").GetBoolean());
        var alice = result.GetProperty("get");
        Assert.Equal("""{"name":"Alice","age":30,"tags":["a","b"]}""", alice.GetProperty("value").GetRawText());
        Assert.Equal(result.GetProperty("set").GetProperty("versionstamp").GetString(), alice.GetProperty("versionstamp").GetString());

        var many = result.GetProperty("getMany").EnumerateArray().ToList();
        Assert.Equal(6, many.Count);
        Assert.Equal(JsonValueKind.Null, many[1].GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, many[1].GetProperty("versionstamp").ValueKind);
        Assert.Equal("héllo wörld ✓", many[2].GetProperty("value").GetString());
        Assert.Equal(text.ToString(), many[2].GetProperty("versionstamp").GetString());
        Assert.Equal("""{"a":1,"b":[true,null,"x"],"c":{"d":1.5}}""", many[3].GetProperty("value").GetRawText());
        Assert.Equal("""{"u64":"42"}""", many[4].GetProperty("value").GetRawText());
        Assert.Equal("""{"bytes":"010203"}""", many[5].GetProperty("value").GetRawText());
        Assert.Equal(["string", "object", "object", "object"], result.GetProperty("seededTypes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("kept", result.GetProperty("longLived").GetString());
        Assert.True(result.GetProperty("shortExpired").GetBoolean());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("afterDelete").GetProperty("value").ValueKind);

        // Assert: what the engine holds after Deno's writes.
        Assert.False((await ns.Store.GetAsync(KvKey.Of("users", "alice"), cancellationToken: ct)).Exists);
        var session = await ns.Store.GetAsync(KvKey.Of("session", "long"), cancellationToken: ct);
        Assert.Equal(KvValueEncoding.V8, session.Value!.Encoding);
        Assert.NotNull(session.ExpiresAt);
        Assert.InRange(session.ExpiresAt.Value, DateTimeOffset.UtcNow.AddSeconds(1), DateTimeOffset.UtcNow.AddSeconds(61));
        Assert.False((await ns.Store.GetAsync(KvKey.Of("session", "short"), cancellationToken: ct)).Exists);
    }
}
