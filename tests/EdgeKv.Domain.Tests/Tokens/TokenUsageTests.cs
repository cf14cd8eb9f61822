using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Tests.Infrastructure;
using EdgeKv.Domain.Tokens;

namespace EdgeKv.Domain.Tests.Tokens;

/// <summary>Every use is attributable: writes audited each time, reads sampled, LastUsedAt throttled.</summary>
public sealed class TokenUsageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ResolveAsync_Writes_EachAuditedAsTheOwnerThroughTheToken()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var created = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadWrite, ns.Id);

        // Act
        for (var i = 0; i < 3; i++)
        {
            await host.ResolveAsync(created.Secret, ns.StoreId, AccessTokenUse.Write);
        }

        // Assert
        var uses = await host.AuditLog.ListAsync(ann, new AuditQuery(AccessTokenId: created.Token.Id), Ct);
        Assert.Equal(3, uses.Count(e => e.Action == AuditActions.TokenWrite));
        Assert.All(uses, e => Assert.Equal(
            (ann.UserId, ann.UserId, AuditTargets.Namespace, ns.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (e.ActorUserId, e.OwnerUserId!, e.TargetType, e.TargetId)));
        Assert.All(uses, e => Assert.Contains(created.Token.Prefix, e.Reason));
    }

    [Fact]
    public async Task ResolveAsync_Reads_AuditedOncePerTokenPerHour()
    {
        // Arrange
        var clock = new ManualClock();
        await using var host = await DomainHost.StartAsync(time: clock);
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var created = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadWrite, ns.Id);

        // Act: five reads in the first hour, one just before it ends, one when it has passed.
        for (var i = 0; i < 5; i++)
        {
            await host.ResolveAsync(created.Secret, ns.StoreId);
            clock.Advance(TimeSpan.FromMinutes(2));
        }

        clock.Advance(TimeSpan.FromMinutes(49));
        await host.ResolveAsync(created.Secret, ns.StoreId);
        clock.Advance(TimeSpan.FromMinutes(1));
        await host.ResolveAsync(created.Secret, ns.StoreId);

        // Assert
        var reads = await host.AuditLog.ListAsync(ann, new AuditQuery(AccessTokenId: created.Token.Id), Ct);
        Assert.Equal([AuditActions.TokenRead, AuditActions.TokenRead], reads.Select(e => e.Action));
    }

    [Fact]
    public async Task ResolveAsync_ReadOnlyTokenAskingToWrite_AuditedAsASampledRead()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var created = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadOnly, ns.Id);

        // Act
        await host.ResolveAsync(created.Secret, ns.StoreId, AccessTokenUse.Write);
        await host.ResolveAsync(created.Secret, ns.StoreId, AccessTokenUse.Write);

        // Assert: it cannot write, so nothing is recorded as written.
        var uses = await host.AuditLog.ListAsync(ann, new AuditQuery(AccessTokenId: created.Token.Id), Ct);
        Assert.Equal([AuditActions.TokenRead], uses.Select(e => e.Action));
    }

    [Fact]
    public async Task ResolveAsync_ConcurrentReads_OneSampleBetweenThem()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var created = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadOnly, ns.Id);

        // Act
        var resolutions = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => host.ResolveAsync(created.Secret, ns.StoreId), Ct)));

        // Assert
        Assert.All(resolutions, r => Assert.True(r.IsGranted));
        var uses = await host.AuditLog.ListAsync(ann, new AuditQuery(AccessTokenId: created.Token.Id), Ct);
        Assert.Single(uses);
    }

    [Fact]
    public async Task ResolveAsync_UsesWithinAMinute_LastUsedAtMovesAtMostOncePerMinute()
    {
        // Arrange
        var clock = new ManualClock();
        await using var host = await DomainHost.StartAsync(time: clock);
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var created = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadWrite, ns.Id);
        var firstUse = clock.UtcNow;

        // Act + Assert
        Assert.Null((await host.TokenRowAsync(created.Token.Id)).LastUsedAt);
        await host.ResolveAsync(created.Secret, ns.StoreId);
        Assert.Equal(firstUse, (await host.TokenRowAsync(created.Token.Id)).LastUsedAt);

        clock.Advance(TimeSpan.FromSeconds(59));
        await host.ResolveAsync(created.Secret, ns.StoreId);
        await host.ResolveAsync(created.Secret, ns.StoreId, AccessTokenUse.Write);
        Assert.Equal(firstUse, (await host.TokenRowAsync(created.Token.Id)).LastUsedAt);

        clock.Advance(TimeSpan.FromSeconds(1));
        await host.ResolveAsync(created.Secret, ns.StoreId);
        Assert.Equal(clock.UtcNow, (await host.Tokens.GetAsync(ann, created.Token.Id, Ct)).LastUsedAt);
    }

    [Fact]
    public async Task ResolveAsync_Refused_RecordsNothing()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, chosen) = await host.CreateUserWithNamespaceAsync("ann");
        var other = await host.Namespaces.CreateAsync(ann, "other", null, Ct);
        var created = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadWrite, chosen.Id);

        // Act
        await host.ResolveAsync(created.Secret, other.StoreId, AccessTokenUse.Write);
        await host.ResolveAsync(created.Secret, "ns-missing", AccessTokenUse.Write);

        // Assert
        Assert.Empty(await host.AuditLog.ListAsync(ann, new AuditQuery(AccessTokenId: created.Token.Id), Ct));
        Assert.Null((await host.TokenRowAsync(created.Token.Id)).LastUsedAt);
    }
}
