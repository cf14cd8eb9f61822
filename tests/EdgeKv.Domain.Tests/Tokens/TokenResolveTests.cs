using EdgeKv.Domain.Tests.Infrastructure;
using EdgeKv.Domain.Tokens;

namespace EdgeKv.Domain.Tests.Tokens;

/// <summary>What a secret grants a program on a namespace: the token, its scope, its permission and the account.</summary>
public sealed class TokenResolveTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ResolveAsync_ReadWriteTokenOnItsNamespace_GrantsWrite()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var created = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadWrite, ns.Id);

        // Act
        var resolution = await host.ResolveAsync(created.Secret, ns.StoreId, AccessTokenUse.Write);

        // Assert
        Assert.Equal(AccessTokenResolution.Granted(created.Token.Id, ns.Id, ns.StoreId, canWrite: true) with { OwnerUserId = ann.UserId }, resolution with { Lifetime = default });
    }

    [Fact]
    public async Task ResolveAsync_ReadOnlyToken_GrantsReadsOnly()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var created = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadOnly, ns.Id);

        // Act
        var resolution = await host.ResolveAsync(created.Secret, ns.StoreId, AccessTokenUse.Write);

        // Assert
        Assert.True(resolution.IsGranted);
        Assert.False(resolution.CanWrite);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("ekv_short")]
    [InlineData("ekv_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("xyz_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task ResolveAsync_UnknownOrMalformedSecret_InvalidToken(string secret)
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        await host.CreateTokenAsync(ann, AccessTokenPermission.ReadWrite, ns.Id);

        // Act
        var resolution = await host.ResolveAsync(secret, ns.StoreId);

        // Assert
        Assert.Equal(AccessTokenDenial.InvalidToken, resolution.Denial);
        Assert.Null(resolution.StoreId);
    }

    [Fact]
    public async Task ResolveAsync_SecretWithOneCharacterChanged_InvalidToken()
    {
        // Arrange: same prefix, so the row is found and the hash comparison decides.
        await using var host = await DomainHost.StartAsync();
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var secret = (await host.CreateTokenAsync(ann, AccessTokenPermission.ReadWrite, ns.Id)).Secret;
        var tampered = secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A');

        // Act
        var resolution = await host.ResolveAsync(tampered, ns.StoreId);

        // Assert
        Assert.Equal(AccessTokenDenial.InvalidToken, resolution.Denial);
    }

    [Fact]
    public async Task ResolveAsync_OwnNamespaceOutsideTheScope_OutOfScope()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, chosen) = await host.CreateUserWithNamespaceAsync("ann");
        var other = await host.Namespaces.CreateAsync(ann, "other", null, Ct);
        var created = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadWrite, chosen.Id);

        // Act
        var resolution = await host.ResolveAsync(created.Secret, other.StoreId);

        // Assert
        Assert.Equal(AccessTokenDenial.OutOfScope, resolution.Denial);
    }

    [Fact]
    public async Task ResolveAsync_TokenOfUserBOnUserAsNamespace_OutOfScope()
    {
        // Arrange: Bob's token covers all of Bob's namespaces, which Ann's is not.
        await using var host = await DomainHost.StartAsync();
        var (_, annNamespace) = await host.CreateUserWithNamespaceAsync("ann");
        var (bob, _) = await host.CreateUserWithNamespaceAsync("bob");
        var bobToken = await host.Tokens.CreateAsync(bob, new NewAccessToken("bob", [], AccessTokenPermission.ReadWrite, AllNamespaces: true), Ct);

        // Act
        var resolution = await host.ResolveAsync(bobToken.Secret, annNamespace.StoreId, AccessTokenUse.Write);

        // Assert
        Assert.Equal(AccessTokenDenial.OutOfScope, resolution.Denial);
        Assert.False(resolution.CanWrite);
    }

    [Fact]
    public async Task ResolveAsync_AllNamespacesToken_CoversANamespaceCreatedLater()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, _) = await host.CreateUserWithNamespaceAsync("ann");
        var created = await host.Tokens.CreateAsync(ann, new NewAccessToken("all", [], AccessTokenPermission.ReadOnly, AllNamespaces: true), Ct);
        var later = await host.Namespaces.CreateAsync(ann, "later", null, Ct);

        // Act
        var resolution = await host.ResolveAsync(created.Secret, later.StoreId);

        // Assert
        Assert.Equal(AccessTokenResolution.Granted(created.Token.Id, later.Id, later.StoreId, canWrite: false) with { OwnerUserId = ann.UserId }, resolution with { Lifetime = default });
        Assert.True(created.Token.AllNamespaces);
        Assert.Empty(created.Token.Namespaces);
        Assert.False(created.Token.GrantsNothing);
    }

    [Fact]
    public async Task ResolveAsync_UnknownNamespace_NamespaceNotFound()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var created = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadWrite, ns.Id);

        // Act
        var resolution = await host.ResolveAsync(created.Secret, "ns-does-not-exist");

        // Assert
        Assert.Equal(AccessTokenDenial.NamespaceNotFound, resolution.Denial);
    }

    [Fact]
    public async Task ResolveAsync_PastExpiry_InvalidTokenAndListedAsExpired()
    {
        // Arrange
        var clock = new ManualClock();
        await using var host = await DomainHost.StartAsync(time: clock);
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var created = await host.Tokens.CreateAsync(ann, new NewAccessToken("t", [ns.Id], AccessTokenPermission.ReadWrite, clock.UtcNow.AddHours(1)), Ct);
        clock.Advance(TimeSpan.FromMinutes(59));
        var before = await host.ResolveAsync(created.Secret, ns.StoreId);

        // Act
        clock.Advance(TimeSpan.FromMinutes(1));
        var atExpiry = await host.ResolveAsync(created.Secret, ns.StoreId);

        // Assert
        Assert.True(before.IsGranted);
        Assert.Equal(AccessTokenDenial.InvalidToken, atExpiry.Denial);
        Assert.Equal(AccessTokenStatus.Expired, (await host.Tokens.GetAsync(ann, created.Token.Id, Ct)).Status);
    }

    [Fact]
    public async Task ResolveAsync_AccountSuspendedThenReinstated_ReadsOnlyThenWritesAgain()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var created = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadWrite, ns.Id);

        // Act
        await host.Accounts.SuspendAsync(host.Admin, ns.AccountId, "abuse", Ct);
        var suspended = await host.ResolveAsync(created.Secret, ns.StoreId, AccessTokenUse.Write);
        await host.Accounts.ReinstateAsync(host.Admin, ns.AccountId, null, Ct);
        var reinstated = await host.ResolveAsync(created.Secret, ns.StoreId, AccessTokenUse.Write);

        // Assert: the suspended account's data stays readable, as in the console.
        Assert.True(suspended.IsGranted);
        Assert.False(suspended.CanWrite);
        Assert.True(reinstated.CanWrite);
    }
}
