using EdgeKv.Domain.Tests.Infrastructure;
using EdgeKv.Domain.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace EdgeKv.Domain.Tests.Tokens;

/// <summary>
/// Tokens are answered from memory and kept exact by the domain's events (issue 10): a known token costs no database
/// read, and each change takes effect on the very next resolve and ends the earlier grant's lifetime (so its streams
/// close), without touching other tokens.
/// </summary>
public sealed class TokenDirectoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ResolveAsync_KnownToken_ReadsTheAdminDatabaseOnlyTheFirstTime()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var created = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadWrite, ns.Id);
        using var commands = new AdminDatabaseCommands(host.Root);

        // Act
        Assert.True((await host.ResolveAsync(created.Secret, ns.StoreId)).IsGranted);
        var coldReads = commands.Count;
        for (var i = 0; i < 20; i++)
        {
            Assert.True((await host.ResolveAsync(created.Secret, ns.StoreId, AccessTokenUse.Write)).IsGranted);
        }

        // Assert
        Assert.InRange(coldReads, 1, 4);
        Assert.Equal(coldReads, commands.Count);
    }

    [Fact]
    public async Task RevokeAsync_NextResolveRefused_TheGrantEnds_OtherTokensUntouched()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var revoked = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadWrite, ns.Id);
        var kept = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadWrite, ns.Id);
        var grant = await host.ResolveAsync(revoked.Secret, ns.StoreId);
        var keptGrant = await host.ResolveAsync(kept.Secret, ns.StoreId);

        // Act
        await host.Tokens.RevokeAsync(ann, revoked.Token.Id, Ct);

        // Assert
        Assert.True(grant.Lifetime.IsCancellationRequested);
        Assert.Equal(AccessTokenDenial.InvalidToken, (await host.ResolveAsync(revoked.Secret, ns.StoreId)).Denial);
        Assert.False(keptGrant.Lifetime.IsCancellationRequested);
        Assert.True((await host.ResolveAsync(kept.Secret, ns.StoreId)).IsGranted);
    }

    [Fact]
    public async Task SuspendAsync_TheNextResolveOnlyReads_TheGrantEnds_ReinstatingWritesAgain()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var created = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadWrite, ns.Id);
        var grant = await host.ResolveAsync(created.Secret, ns.StoreId, AccessTokenUse.Write);

        // Act
        await host.Accounts.SuspendAsync(host.Admin, ns.AccountId, "unpaid", Ct);
        var suspended = await host.ResolveAsync(created.Secret, ns.StoreId, AccessTokenUse.Write);
        await host.Accounts.ReinstateAsync(host.Admin, ns.AccountId, null, Ct);
        var reinstated = await host.ResolveAsync(created.Secret, ns.StoreId, AccessTokenUse.Write);

        // Assert
        Assert.True(grant.CanWrite);
        Assert.True(grant.Lifetime.IsCancellationRequested);
        Assert.True(suspended.IsGranted);
        Assert.False(suspended.CanWrite);
        Assert.True(suspended.Lifetime.IsCancellationRequested);
        Assert.True(reinstated.CanWrite);
        Assert.False(reinstated.Lifetime.IsCancellationRequested);
    }

    [Fact]
    public async Task NamespaceDeleted_TheNextResolveFindsNothing_TheGrantEnds()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var created = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadWrite, ns.Id);
        var grant = await host.ResolveAsync(created.Secret, ns.StoreId);

        // Act
        await host.Namespaces.DeleteAsync(ann, ns.Id, Ct);

        // Assert
        Assert.True(grant.Lifetime.IsCancellationRequested);
        Assert.Equal(AccessTokenDenial.NamespaceNotFound, (await host.ResolveAsync(created.Secret, ns.StoreId)).Denial);
    }

    [Fact]
    public async Task Expiry_TheGrantEndsWhenTheTokenExpires_AndTheNextResolveIsRefused()
    {
        // Arrange: a clock whose timers fire when it is advanced.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await DomainHost.StartAsync(time: clock);
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var expiresAt = clock.GetUtcNow().UtcDateTime.AddHours(1);
        var created = await host.Tokens.CreateAsync(ann, new NewAccessToken("hour", [ns.Id], AccessTokenPermission.ReadWrite, expiresAt), Ct);
        var grant = await host.ResolveAsync(created.Secret, ns.StoreId);

        // Act
        clock.Advance(TimeSpan.FromMinutes(59));
        var beforeExpiry = grant.Lifetime.IsCancellationRequested;
        clock.Advance(TimeSpan.FromMinutes(1));

        // Assert
        Assert.False(beforeExpiry);
        Assert.True(grant.Lifetime.IsCancellationRequested);
        Assert.Equal(AccessTokenDenial.InvalidToken, (await host.ResolveAsync(created.Secret, ns.StoreId)).Denial);
    }
}
