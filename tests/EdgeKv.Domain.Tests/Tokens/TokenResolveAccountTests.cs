using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Tests.Infrastructure;
using EdgeKv.Domain.Tokens;

namespace EdgeKv.Domain.Tests.Tokens;

/// <summary>Whom a secret acts as for account-level operations: its owner, only for a token over all namespaces.</summary>
public sealed class TokenResolveAccountTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ResolveAccountAsync_AllNamespacesReadWriteToken_ActsAsItsOwnerNotAsAdmin()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, _) = await host.CreateUserWithNamespaceAsync("ann");
        var created = await host.Tokens.CreateAsync(ann, new NewAccessToken("account", [], AccessTokenPermission.ReadWrite, AllNamespaces: true), Ct);

        // Act
        var resolution = await host.Tokens.ResolveAccountAsync(created.Secret, AccessTokenUse.Write, Ct);

        // Assert
        Assert.Equal(AccessTokenAccountResolution.Granted(created.Token.Id, new Caller(ann.UserId, IsAdmin: false), canWrite: true), resolution);
    }

    [Fact]
    public async Task ResolveAccountAsync_ReadOnlyToken_GrantedWithoutWrite()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, _) = await host.CreateUserWithNamespaceAsync("ann");
        var created = await host.Tokens.CreateAsync(ann, new NewAccessToken("account", [], AccessTokenPermission.ReadOnly, AllNamespaces: true), Ct);

        // Act
        var resolution = await host.Tokens.ResolveAccountAsync(created.Secret, AccessTokenUse.Write, Ct);

        // Assert
        Assert.True(resolution.IsGranted);
        Assert.False(resolution.CanWrite);
    }

    [Fact]
    public async Task ResolveAccountAsync_NamespaceScopedToken_Denied()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var created = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadWrite, ns.Id);

        // Act
        var resolution = await host.Tokens.ResolveAccountAsync(created.Secret, AccessTokenUse.Read, Ct);

        // Assert
        Assert.Equal(AccessTokenAccountResolution.Denied(AccessTokenDenial.NamespaceScoped, created.Token.Id), resolution);
    }

    [Fact]
    public async Task ResolveAccountAsync_RevokedOrUnknownToken_InvalidToken()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, _) = await host.CreateUserWithNamespaceAsync("ann");
        var created = await host.Tokens.CreateAsync(ann, new NewAccessToken("account", [], AccessTokenPermission.ReadWrite, AllNamespaces: true), Ct);
        await host.Tokens.RevokeAsync(ann, created.Token.Id, Ct);

        // Act
        var revoked = await host.Tokens.ResolveAccountAsync(created.Secret, AccessTokenUse.Read, Ct);
        var unknown = await host.Tokens.ResolveAccountAsync("not-a-token", AccessTokenUse.Read, Ct);

        // Assert
        Assert.Equal(AccessTokenDenial.InvalidToken, revoked.Denial);
        Assert.Equal(AccessTokenDenial.InvalidToken, unknown.Denial);
        Assert.Null(revoked.Caller);
    }

    [Fact]
    public async Task ResolveAccountAsync_SuspendedAccount_GrantedButTheDomainRefusesChanges()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var created = await host.Tokens.CreateAsync(ann, new NewAccessToken("account", [], AccessTokenPermission.ReadWrite, AllNamespaces: true), Ct);
        await host.Accounts.SuspendAsync(host.Admin, ns.AccountId, "abuse", Ct);

        // Act
        var resolution = await host.Tokens.ResolveAccountAsync(created.Secret, AccessTokenUse.Write, Ct);

        // Assert
        Assert.True(resolution.IsGranted);
        await DomainAssert.RefusedAsync(DomainErrors.AccountSuspended, () => host.Namespaces.CreateAsync(resolution.Caller!, "more", null, Ct));
    }
}
