using System.Globalization;
using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Events;
using EdgeKv.Domain.Tests.Infrastructure;
using EdgeKv.Domain.Tokens;

namespace EdgeKv.Domain.Tests.Tokens;

/// <summary>Listing and revoking tokens: owners see and revoke their own, admins everyone's, nobody else anything.</summary>
public class TokenManageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAsync_User_SeesOnlyTheirOwnNewestFirst()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, annNamespace) = await host.CreateUserWithNamespaceAsync("ann");
        var (bob, bobNamespace) = await host.CreateUserWithNamespaceAsync("bob");
        var annFirst = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadOnly, annNamespace.Id);
        var annSecond = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadWrite, annNamespace.Id);
        await host.CreateTokenAsync(bob, AccessTokenPermission.ReadWrite, bobNamespace.Id);

        // Act
        var annList = await host.Tokens.ListAsync(ann, null, Ct);
        var annAskingForBobs = await host.Tokens.ListAsync(ann, bob.UserId, Ct);

        // Assert
        Assert.Equal([annSecond.Token.Id, annFirst.Token.Id], annList.Select(t => t.Id));
        Assert.Equal([annSecond.Token.Id, annFirst.Token.Id], annAskingForBobs.Select(t => t.Id));
        Assert.All(annList, t => Assert.Equal("ann@example.test", t.OwnerEmail));
    }

    [Fact]
    public async Task ListAsync_Admin_SeesEveryonesWithTheirOwnerOrOneOwners()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, annNamespace) = await host.CreateUserWithNamespaceAsync("ann");
        var (bob, bobNamespace) = await host.CreateUserWithNamespaceAsync("bob");
        var annToken = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadOnly, annNamespace.Id);
        var bobToken = await host.CreateTokenAsync(bob, AccessTokenPermission.ReadWrite, bobNamespace.Id);

        // Act
        var all = await host.Tokens.ListAsync(host.Admin, null, Ct);
        var bobs = await host.Tokens.ListAsync(host.Admin, bob.UserId, Ct);

        // Assert
        Assert.Equal(
            [(bobToken.Token.Id, "bob@example.test"), (annToken.Token.Id, "ann@example.test")],
            all.Select(t => (t.Id, t.OwnerEmail!)));
        Assert.Equal([bobToken.Token.Id], bobs.Select(t => t.Id));
    }

    [Fact]
    public async Task RevokeAsync_Owner_RevokedWithWhoAndWhenAndRefusedAfterwards()
    {
        // Arrange
        var clock = new ManualClock();
        await using var host = await DomainHost.StartAsync(time: clock);
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var created = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadWrite, ns.Id);
        Assert.True((await host.ResolveAsync(created.Secret, ns.StoreId)).IsGranted);

        // Act
        var revoked = await host.Tokens.RevokeAsync(ann, created.Token.Id, Ct);

        // Assert
        Assert.Equal(AccessTokenStatus.Revoked, revoked.Status);
        Assert.Equal((clock.UtcNow, ann.UserId), (revoked.RevokedAt!.Value, revoked.RevokedBy!));
        Assert.Equal(AccessTokenDenial.InvalidToken, (await host.ResolveAsync(created.Secret, ns.StoreId)).Denial);
        await DomainAssert.RefusedAsync(DomainErrors.TokenAlreadyRevoked, () => host.Tokens.RevokeAsync(ann, created.Token.Id, Ct));
    }

    [Fact]
    public async Task RevokeAsync_Admin_RevokesAUsersTokenAuditedAsTheAdmin()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var created = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadWrite, ns.Id);
        using var subscription = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        subscription.CancelAfter(TimeSpan.FromSeconds(30));
        await using var events = host.Events.Subscribe(subscription.Token).GetAsyncEnumerator(subscription.Token);

        // Act
        var revoked = await host.Tokens.RevokeAsync(host.Admin, created.Token.Id, Ct);

        // Assert
        Assert.Equal(host.Admin.UserId, revoked.RevokedBy);
        Assert.Equal(AccessTokenDenial.InvalidToken, (await host.ResolveAsync(created.Secret, ns.StoreId)).Denial);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal(
            (DomainEventKind.TokenRevoked, host.Admin.UserId, ann.UserId, created.Token.Id),
            (events.Current.Kind, events.Current.ActorUserId, events.Current.OwnerUserId!, events.Current.AccessTokenId!.Value));
        var history = await host.AuditLog.ListAsync(
            ann,
            new AuditQuery(AuditTargets.AccessToken, created.Token.Id.ToString(CultureInfo.InvariantCulture)),
            Ct);
        Assert.Equal(
            [(AuditActions.TokenRevoked, host.Admin.UserId), (AuditActions.TokenCreated, ann.UserId)],
            history.Select(e => (e.Action, e.ActorUserId)));
    }

    [Fact]
    public async Task RevokeAsync_OwnerWhileSuspended_Revoked()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var created = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadWrite, ns.Id);
        await host.Accounts.SuspendAsync(host.Admin, ns.AccountId, "abuse", Ct);

        // Act
        var revoked = await host.Tokens.RevokeAsync(ann, created.Token.Id, Ct);

        // Assert
        Assert.Equal(AccessTokenStatus.Revoked, revoked.Status);
    }

    [Fact]
    public async Task GetAndRevoke_AnotherUsersToken_RefusedAsNotFoundAndStillWorks()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var (bob, _) = await host.CreateOpenUserAsync("bob");
        var annToken = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadWrite, ns.Id);

        // Act
        await DomainAssert.RefusedAsync(DomainErrors.TokenNotFound, () => host.Tokens.GetAsync(bob, annToken.Token.Id, Ct));
        await DomainAssert.RefusedAsync(DomainErrors.TokenNotFound, () => host.Tokens.RevokeAsync(bob, annToken.Token.Id, Ct));
        var bobsList = await host.Tokens.ListAsync(bob, ann.UserId, Ct);

        // Assert
        Assert.Empty(bobsList);
        Assert.Equal(AccessTokenStatus.Active, (await host.Tokens.GetAsync(ann, annToken.Token.Id, Ct)).Status);
        Assert.True((await host.ResolveAsync(annToken.Secret, ns.StoreId)).IsGranted);
    }

    [Fact]
    public async Task RevokeAsync_UnknownToken_RefusedAsNotFound()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();

        // Act + Assert
        await DomainAssert.RefusedAsync(DomainErrors.TokenNotFound, () => host.Tokens.RevokeAsync(host.Admin, 424_242, Ct));
    }
}
