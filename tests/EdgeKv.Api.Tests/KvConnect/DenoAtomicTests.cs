using EdgeKv.Api.Tests.Support;
using EdgeKv.Core;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Values;

namespace EdgeKv.Api.Tests.KvConnect;

/// <summary>Deno's <c>kv.atomic()</c>: checks, sum/min/max and versionstamped keys, applied by the engine.</summary>
public sealed class DenoAtomicTests(KvConnectServer server)
{
    [Fact]
    public async Task Atomic_ChecksAndNumericMutations_CommitOrFailAsInDeno()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var ns = await server.CreateNamespaceAsync();
        await ns.Store.SetAsync(KvKey.Of("doc"), KvValue.Text("v1"), cancellationToken: ct);

        // Act
        var result = await ClientProcess.RunDenoAsync("atomic.ts", ns.WriteToken, ScriptEnvironment.For(ns), ct);

        // Assert: what Deno saw.
        Assert.True(result.GetProperty("checkPassed").GetBoolean());
        Assert.False(result.GetProperty("checkFailed").GetBoolean());
        Assert.True(result.GetProperty("absentPassed").GetBoolean());
        Assert.False(result.GetProperty("absentFailed").GetBoolean());
        Assert.Equal("12", result.GetProperty("counter").GetString());
        Assert.Equal("3", result.GetProperty("low").GetString());
        Assert.Equal("10", result.GetProperty("high").GetString());
        Assert.Contains(KvErrors.SumOnNonU64, result.GetProperty("sumOnText").GetString());
        Assert.Equal("v2", result.GetProperty("doc").GetString());
        var logged = result.GetProperty("loggedVersionstamp").GetString();
        var logKey = Assert.Single(result.GetProperty("logKeys").EnumerateArray());
        Assert.Equal(["log", logged], logKey.EnumerateArray().Select(p => p.GetString()));

        // Assert: what the engine holds.
        Assert.Equal(12UL, (await ns.Store.GetAsync(KvKey.Of("counter"), cancellationToken: ct)).Value!.AsU64());
        Assert.Equal(KvValueEncoding.U64, (await ns.Store.GetAsync(KvKey.Of("low"), cancellationToken: ct)).Value!.Encoding);
        var doc = await ns.Store.GetAsync(KvKey.Of("doc"), cancellationToken: ct);
        Assert.Equal(KvValueEncoding.V8, doc.Value!.Encoding); // Deno's "v2" replaced the engine's text
        var newKey = await ns.Store.GetAsync(KvKey.Of("new"), cancellationToken: ct);
        Assert.True(newKey.Exists);
        var logEntry = await ns.Store.GetAsync(KvKey.Of("log", logged!), cancellationToken: ct);
        Assert.Equal(logged, logEntry.Versionstamp.ToString());
    }
}
