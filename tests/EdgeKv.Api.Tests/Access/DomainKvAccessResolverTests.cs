using EdgeKv.Api.Access;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Registry;
using EdgeKv.Domain.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Api.Tests.Access;

/// <summary>The resolver the host registers (<c>AddEdgeKvApi</c>), asked directly: each domain answer becomes the API's.</summary>
public sealed class DomainKvAccessResolverTests(DomainKvConnectServer server) : IClassFixture<DomainKvConnectServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddEdgeKvApi_Registers_TheDomainResolver()
    {
        // Act
        var resolver = await server.InScopeAsync(s => Task.FromResult(s.GetRequiredService<IKvAccessResolver>()));

        // Assert
        Assert.IsType<DomainKvAccessResolver>(resolver);
    }

    [Fact]
    public async Task ResolveAsync_TokenOnItsNamespace_GrantsTheRegistrysStoreWithItsPermission()
    {
        // Arrange
        var (ann, _) = await server.CreateOpenUserAsync("ann");
        var ns = await server.CreateNamespaceAsync(ann);
        var writer = await server.CreateTokenAsync(ann, ns, AccessTokenPermission.ReadWrite);
        var reader = await server.CreateTokenAsync(ann, ns, AccessTokenPermission.ReadOnly);
        await (await server.StoreAsync(ns)).SetAsync(KvKey.Of("k"), Core.Values.KvValue.Text("v"), cancellationToken: Ct);

        // Act
        var write = await ResolveAsync(writer.Secret, ns.StoreId, KvAccessIntent.Write);
        var read = await ResolveAsync(reader.Secret, ns.StoreId, KvAccessIntent.Read);

        // Assert
        Assert.True(write.Grant!.CanWrite);
        Assert.False(read.Grant!.CanWrite);
        Assert.Equal("v", (await read.Grant.Store.GetAsync(KvKey.Of("k"), cancellationToken: Ct)).Value!.AsText());
    }

    [Fact]
    public async Task ResolveAsync_UnknownRevokedOtherOrMissing_DeniedWithTheMatchingReason()
    {
        // Arrange
        var (ann, _) = await server.CreateOpenUserAsync("ann");
        var ns = await server.CreateNamespaceAsync(ann);
        var other = await server.CreateNamespaceAsync(ann, "other");
        var token = await server.CreateTokenAsync(ann, ns, AccessTokenPermission.ReadWrite);
        var revoked = await server.CreateTokenAsync(ann, ns, AccessTokenPermission.ReadWrite);
        await server.InScopeAsync(s => s.GetRequiredService<AccessTokenService>().RevokeAsync(ann, revoked.Token.Id, Ct));

        // Act + Assert
        Assert.Equal(KvAccessDenial.InvalidToken, (await ResolveAsync("ekv_" + new string('A', 43), ns.StoreId, KvAccessIntent.Read)).Denial);
        Assert.Equal(KvAccessDenial.InvalidToken, (await ResolveAsync("rw-not-ours", ns.StoreId, KvAccessIntent.Read)).Denial);
        Assert.Equal(KvAccessDenial.InvalidToken, (await ResolveAsync(revoked.Secret, ns.StoreId, KvAccessIntent.Read)).Denial);
        Assert.Equal(KvAccessDenial.OtherNamespace, (await ResolveAsync(token.Secret, other.StoreId, KvAccessIntent.Read)).Denial);
        Assert.Equal(KvAccessDenial.NamespaceNotFound, (await ResolveAsync(token.Secret, "ns-missing", KvAccessIntent.Read)).Denial);
    }

    [Fact]
    public async Task ResolveAsync_EngineStoreGoneButRowLeft_NamespaceNotFound()
    {
        // Arrange: a deletion interrupted after the engine let go of the data.
        var (ann, _) = await server.CreateOpenUserAsync("ann");
        var ns = await server.CreateNamespaceAsync(ann);
        var token = await server.CreateTokenAsync(ann, ns, AccessTokenPermission.ReadWrite);
        await server.InScopeAsync(s => s.GetRequiredService<IKvStoreRegistry>().DeleteNamespaceAsync(ns.StoreId, Ct));

        // Act
        var result = await ResolveAsync(token.Secret, ns.StoreId, KvAccessIntent.Read);

        // Assert
        Assert.Equal(KvAccessDenial.NamespaceNotFound, result.Denial);
    }

    [Fact]
    public async Task ResolveAsync_AWrite_CountedInMemoryAndWrittenInABatchNotAudited()
    {
        // Arrange: a program's write must not wait for the admin database (issue 10): its use is counted in memory.
        var (ann, _) = await server.CreateOpenUserAsync("ann");
        var ns = await server.CreateNamespaceAsync(ann);
        var token = await server.CreateTokenAsync(ann, ns, AccessTokenPermission.ReadWrite);

        // Act
        await ResolveAsync(token.Secret, ns.StoreId, KvAccessIntent.Write);
        await server.InScopeAsync(s => s.GetRequiredService<AccessTokenUsageWriter>().FlushAsync(Ct));

        // Assert
        Assert.NotNull(await LastUsedAtAsync(token.Token.Id));
        Assert.Empty(await server.AuditOfTokenAsync(token.Token.Id));
    }

    private Task<DateTime?> LastUsedAtAsync(int tokenId) =>
        server.InScopeAsync(async s => (await s.GetRequiredService<AccessTokenService>().GetAsync(server.Admin, tokenId, Ct)).LastUsedAt);

    private Task<KvAccessResult> ResolveAsync(string token, string namespaceId, KvAccessIntent intent) =>
        server.InScopeAsync(async s =>
        {
            var resolver = s.GetRequiredService<IKvAccessResolver>();
            return await resolver.AuthenticateAsync(token, Ct) is { } credential
                ? await resolver.ResolveAsync(credential, namespaceId, intent, Ct)
                : KvAccessResult.Deny(KvAccessDenial.InvalidToken);
        });
}
