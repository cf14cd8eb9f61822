using System.Text.Json;
using EdgeKv.Api.KvConnect;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Core.Values;
using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Domain.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Api.Tests.KvConnect;

/// <summary>
/// The unmodified Deno runtime against KV Connect authorized by the real domain: users approved, namespaces created
/// and tokens issued through the domain services, tokens resolved by <see cref="Api.Access.DomainKvAccessResolver"/>.
/// </summary>
public sealed class DenoDomainTokenTests(DomainKvConnectServer server) : IClassFixture<DomainKvConnectServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Access_ReadWriteToken_DenoReadsAndWrites_UseCountedNotAudited()
    {
        // Arrange
        var (ann, _) = await server.CreateOpenUserAsync("ann");
        var (ns, store) = await GuardedNamespaceAsync(ann);
        var token = await server.CreateTokenAsync(ann, ns, AccessTokenPermission.ReadWrite);

        // Act
        var result = await ClientProcess.RunDenoAsync("access.ts", token.Secret, server.ScriptEnvironmentFor(ns), Ct);

        // Assert: what Deno saw, what the engine holds, the token's last use (and no audit row per request).
        Assert.Equal(JsonValueKind.Null, result.GetProperty("readError").ValueKind);
        Assert.Equal("original", result.GetProperty("value").GetString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("writeError").ValueKind);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("atomicWriteError").ValueKind);
        Assert.Equal(KvValueEncoding.V8, (await store.GetAsync(KvKey.Of("guarded"), cancellationToken: Ct)).Value!.Encoding);
        Assert.True((await store.GetAsync(KvKey.Of("guarded", "new"), cancellationToken: Ct)).Exists);

        Assert.NotNull(await server.LastUsedAtAsync(token.Token.Id));
        Assert.DoesNotContain(await server.AuditOfTokenAsync(token.Token.Id), e => e.Action is AuditActions.TokenWrite or AuditActions.TokenRead);
    }

    [Fact]
    public async Task Access_TokenRevokedWhileConnected_NextRequestRefusedAndNothingWritten()
    {
        // Arrange: Deno connected and working.
        var (ann, _) = await server.CreateOpenUserAsync("ann");
        var ns = await server.CreateNamespaceAsync(ann);
        var store = await server.StoreAsync(ns);
        var token = await server.CreateTokenAsync(ann, ns, AccessTokenPermission.ReadWrite);
        await using var deno = ClientProcess.StartDeno("reconnect.ts", token.Secret, server.ScriptEnvironmentFor(ns));
        var before = await deno.NextAsync(Ct);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("writeError").ValueKind);

        // Act
        await server.InScopeAsync(s => s.GetRequiredService<AccessTokenService>().RevokeAsync(ann, token.Token.Id, Ct));
        await deno.SendLineAsync("revoked");
        var after = await deno.NextAsync(Ct);

        // Assert
        Assert.Contains(KvConnectErrors.InvalidAccessToken, after.GetProperty("readError").GetString());
        Assert.Contains(KvConnectErrors.InvalidAccessToken, after.GetProperty("writeError").GetString());
        Assert.True((await store.GetAsync(KvKey.Of("conn", "before"), cancellationToken: Ct)).Exists);
        Assert.False((await store.GetAsync(KvKey.Of("conn", "after"), cancellationToken: Ct)).Exists);
    }

    [Fact]
    public async Task Access_ReadOnlyToken_DenoReadsButWritesAreDisabledAndNothingChanges()
    {
        // Arrange
        var (ann, _) = await server.CreateOpenUserAsync("ann");
        var (ns, store) = await GuardedNamespaceAsync(ann);
        var token = await server.CreateTokenAsync(ann, ns, AccessTokenPermission.ReadOnly);

        // Act
        var result = await ClientProcess.RunDenoAsync("access.ts", token.Secret, server.ScriptEnvironmentFor(ns), Ct);

        // Assert
        Assert.Equal("original", result.GetProperty("value").GetString());
        Assert.Contains("Writes are disabled", result.GetProperty("writeError").GetString());
        Assert.Contains("Writes are disabled", result.GetProperty("atomicWriteError").GetString());
        await AssertUnchangedAsync(store);
    }

    [Fact]
    public async Task Access_TokenOfUserBOnUserAsNamespace_DenoRefusedAndNothingChanges()
    {
        // Arrange
        var (ann, _) = await server.CreateOpenUserAsync("ann");
        var (annNamespace, annStore) = await GuardedNamespaceAsync(ann);
        var (bob, _) = await server.CreateOpenUserAsync("bob");
        var bobNamespace = await server.CreateNamespaceAsync(bob);
        var bobToken = await server.CreateTokenAsync(bob, bobNamespace, AccessTokenPermission.ReadWrite);

        // Act
        var result = await ClientProcess.RunDenoAsync("access.ts", bobToken.Secret, server.ScriptEnvironmentFor(annNamespace), Ct);

        // Assert
        var error = result.GetProperty("openError").GetString();
        Assert.Contains("403", error);
        Assert.Contains(KvConnectErrors.TokenForOtherNamespace, error);
        await AssertUnchangedAsync(annStore);
        Assert.Null(await server.LastUsedAtAsync(bobToken.Token.Id));
    }

    [Fact]
    public async Task Access_OwnerSuspendedWhileConnected_ReadsGoOnAndWritesAreDisabled()
    {
        // Arrange
        var (ann, accountId) = await server.CreateOpenUserAsync("ann");
        var ns = await server.CreateNamespaceAsync(ann);
        var store = await server.StoreAsync(ns);
        await store.SetAsync(KvKey.Of("conn", "read"), KvValue.Text("readable"), cancellationToken: Ct);
        var token = await server.CreateTokenAsync(ann, ns, AccessTokenPermission.ReadWrite);
        await using var deno = ClientProcess.StartDeno("reconnect.ts", token.Secret, server.ScriptEnvironmentFor(ns));
        Assert.Equal(JsonValueKind.Null, (await deno.NextAsync(Ct)).GetProperty("writeError").ValueKind);

        // Act
        await server.InScopeAsync(s => s.GetRequiredService<AccountApplicationService>().SuspendAsync(server.Admin, accountId, "abuse", Ct));
        await deno.SendLineAsync("suspended");
        var after = await deno.NextAsync(Ct);

        // Assert
        Assert.Equal(JsonValueKind.Null, after.GetProperty("readError").ValueKind);
        Assert.Equal("readable", after.GetProperty("value").GetString());
        Assert.Contains("Writes are disabled", after.GetProperty("writeError").GetString());
        Assert.False((await store.GetAsync(KvKey.Of("conn", "after"), cancellationToken: Ct)).Exists);
    }

    [Fact]
    public async Task Access_NamespaceDeleted_DenoGetsNotFound()
    {
        // Arrange
        var (ann, _) = await server.CreateOpenUserAsync("ann");
        var ns = await server.CreateNamespaceAsync(ann);
        var token = await server.CreateTokenAsync(ann, ns, AccessTokenPermission.ReadWrite);
        await server.InScopeAsync(s => s.GetRequiredService<NamespaceService>().DeleteAsync(ann, ns.Id, Ct));

        // Act
        var result = await ClientProcess.RunDenoAsync("access.ts", token.Secret, server.ScriptEnvironmentFor(ns), Ct);

        // Assert
        var error = result.GetProperty("openError").GetString();
        Assert.Contains("404", error);
        Assert.Contains(KvConnectErrors.NamespaceNotFound, error);
    }

    private async Task<(NamespaceView Namespace, IKvStore Store)> GuardedNamespaceAsync(Caller owner)
    {
        var ns = await server.CreateNamespaceAsync(owner);
        var store = await server.StoreAsync(ns);
        await store.SetAsync(KvKey.Of("guarded"), KvValue.Text("original"), cancellationToken: Ct);
        return (ns, store);
    }

    private static async Task AssertUnchangedAsync(IKvStore store)
    {
        var guarded = await store.GetAsync(KvKey.Of("guarded"), cancellationToken: Ct);
        Assert.Equal("original", guarded.Value!.AsText());
        Assert.False((await store.GetAsync(KvKey.Of("guarded", "new"), cancellationToken: Ct)).Exists);
        Assert.Equal(1, (await store.GetStatsAsync(Ct)).KeyCount);
    }
}
