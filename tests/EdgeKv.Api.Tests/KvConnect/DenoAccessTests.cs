using EdgeKv.Api.KvConnect;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Values;

namespace EdgeKv.Api.Tests.KvConnect;

/// <summary>Tokens as Deno clients experience them: refused tokens throw, read-only tokens cannot write.</summary>
public sealed class DenoAccessTests(KvConnectServer server)
{
    [Fact]
    public async Task Access_UnknownToken_DenoThrowsAndNothingChanges()
    {
        var ct = TestContext.Current.CancellationToken;
        var ns = await GuardedNamespaceAsync(ct);

        var result = await ClientProcess.RunDenoAsync("access.ts", "not-a-real-token", ScriptEnvironment.For(ns), ct);

        var error = result.GetProperty("openError").GetString();
        Assert.Contains("401", error);
        Assert.Contains(KvConnectErrors.InvalidAccessToken, error);
        await AssertUnchangedAsync(ns, ct);
    }

    [Fact]
    public async Task Access_TokenOfAnotherNamespace_DenoThrowsAndNothingChanges()
    {
        var ct = TestContext.Current.CancellationToken;
        var ns = await GuardedNamespaceAsync(ct);
        var other = await server.CreateNamespaceAsync();

        var result = await ClientProcess.RunDenoAsync("access.ts", other.WriteToken, ScriptEnvironment.For(ns), ct);

        var error = result.GetProperty("openError").GetString();
        Assert.Contains("403", error);
        Assert.Contains(KvConnectErrors.TokenForOtherNamespace, error);
        await AssertUnchangedAsync(ns, ct);
    }

    [Fact]
    public async Task Access_ReadOnlyToken_ReadsButWritesAreDisabled()
    {
        var ct = TestContext.Current.CancellationToken;
        var ns = await GuardedNamespaceAsync(ct);

        var result = await ClientProcess.RunDenoAsync("access.ts", ns.ReadToken, ScriptEnvironment.For(ns), ct);

        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.GetProperty("readError").ValueKind);
        Assert.Equal("original", result.GetProperty("value").GetString());
        Assert.Contains("Writes are disabled", result.GetProperty("writeError").GetString());
        Assert.Contains("Writes are disabled", result.GetProperty("atomicWriteError").GetString());
        await AssertUnchangedAsync(ns, ct);
    }

    [Fact]
    public async Task Access_WriteToken_ReadsAndWrites()
    {
        var ct = TestContext.Current.CancellationToken;
        var ns = await GuardedNamespaceAsync(ct);

        var result = await ClientProcess.RunDenoAsync("access.ts", ns.WriteToken, ScriptEnvironment.For(ns), ct);

        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.GetProperty("writeError").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.GetProperty("atomicWriteError").ValueKind);
        Assert.Equal(KvValueEncoding.V8, (await ns.Store.GetAsync(KvKey.Of("guarded"), cancellationToken: ct)).Value!.Encoding);
    }

    [Fact]
    public async Task Set_PastTheAccountsByteBudget_DenoThrowsTheQuotaMessageAndNothingIsWritten()
    {
        // Arrange: a namespace in a budget group of 300 bytes.
        var ct = TestContext.Current.CancellationToken;
        var group = "account-" + Guid.NewGuid().ToString("N");
        await server.Tokens.Registry.SetBudgetAsync(group, 300, ct);
        var ns = await server.CreateNamespaceAsync(group);

        // Act
        var result = await ClientProcess.RunDenoAsync("quota.ts", ns.WriteToken, ScriptEnvironment.For(ns), ct);

        // Assert
        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.GetProperty("smallError").ValueKind);
        var error = result.GetProperty("largeError").GetString();
        Assert.Contains("400", error);
        Assert.Contains(Core.KvErrors.QuotaExceeded(300), error);
        Assert.False((await ns.Store.GetAsync(KvKey.Of("large"), cancellationToken: ct)).Exists);
        Assert.True((await ns.Store.GetAsync(KvKey.Of("small"), cancellationToken: ct)).Exists);
    }

    private async Task<TestNamespace> GuardedNamespaceAsync(CancellationToken ct)
    {
        var ns = await server.CreateNamespaceAsync();
        await ns.Store.SetAsync(KvKey.Of("guarded"), KvValue.Text("original"), cancellationToken: ct);
        return ns;
    }

    private static async Task AssertUnchangedAsync(TestNamespace ns, CancellationToken ct)
    {
        var guarded = await ns.Store.GetAsync(KvKey.Of("guarded"), cancellationToken: ct);
        Assert.Equal(KvValueEncoding.Text, guarded.Value!.Encoding);
        Assert.Equal("original", guarded.Value.AsText());
        Assert.False((await ns.Store.GetAsync(KvKey.Of("guarded", "new"), cancellationToken: ct)).Exists);
        Assert.Equal(1, (await ns.Store.GetStatsAsync(ct)).KeyCount);
    }
}
