using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Tests.Infrastructure;
using EdgeKv.Domain.Usage;

namespace EdgeKv.Domain.Tests.Usage;

/// <summary>Usage history as the console reads it: per namespace for its owner and admins, the platform for admins.</summary>
public sealed class UsageServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetNamespaceUsageAsync_AfterAFlush_TheLastBucketHoldsTheCounts()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");
        await host.Records.PutAsync(user, ns.Id, "a", "value", cancellationToken: Ct);
        await host.Records.GetAsync(user, ns.Id, "a", Ct);
        await host.Get<UsageRecorder>().FlushAsync(Ct);

        // Act
        var series = await host.Get<UsageService>().GetNamespaceUsageAsync(user, ns.Id, UsageRange.LastHour, Ct);

        // Assert
        Assert.True(series.HasHistory);
        Assert.Equal(60, series.Points.Count);
        Assert.Equal(1, series.TotalWrites);
        Assert.True(series.TotalReads >= 1);
        Assert.Equal((await host.Registry.GetStatsAsync(ns.StoreId, Ct)).StoredBytes, series.StoredBytes[^1].Bytes);
    }

    [Fact]
    public async Task GetNamespaceUsageAsync_NothingRecorded_NoHistory()
    {
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");

        var series = await host.Get<UsageService>().GetNamespaceUsageAsync(user, ns.Id, UsageRange.LastDay, Ct);

        Assert.False(series.HasHistory);
        Assert.Equal(144, series.Points.Count);
        Assert.Empty(series.StoredBytes);
    }

    [Fact]
    public async Task GetNamespaceUsageAsync_AnotherUsersNamespace_NotFound()
    {
        await using var host = await DomainHost.StartAsync();
        var (_, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var (bob, _) = await host.CreateUserWithNamespaceAsync("bob");

        await DomainAssert.RefusedAsync(DomainErrors.NamespaceNotFound,
            () => host.Get<UsageService>().GetNamespaceUsageAsync(bob, ns.Id, UsageRange.LastHour, Ct));
    }

    [Fact]
    public async Task GetNamespaceUsageAsync_Admin_SeesAnyNamespace()
    {
        await using var host = await DomainHost.StartAsync();
        var (_, ns) = await host.CreateUserWithNamespaceAsync("ann");

        var series = await host.Get<UsageService>().GetNamespaceUsageAsync(host.Admin, ns.Id, UsageRange.LastHour, Ct);

        Assert.Equal(60, series.Points.Count);
    }

    [Fact]
    public async Task GetPlatformUsageAsync_TwoNamespaces_SummedForTheAdmin_RefusedToAUser()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, annNs) = await host.CreateUserWithNamespaceAsync("ann");
        var (bob, bobNs) = await host.CreateUserWithNamespaceAsync("bob");
        await host.Records.PutAsync(ann, annNs.Id, "a", "1", cancellationToken: Ct);
        await host.Records.PutAsync(bob, bobNs.Id, "b", "2", cancellationToken: Ct);
        await host.Records.PutAsync(bob, bobNs.Id, "c", "3", cancellationToken: Ct);
        await host.Get<UsageRecorder>().FlushAsync(Ct);
        var usage = host.Get<UsageService>();

        // Act
        var platform = await usage.GetPlatformUsageAsync(host.Admin, UsageRange.LastDay, Ct);

        // Assert
        Assert.Equal(3, platform.TotalWrites);
        var stored = (await host.Registry.GetStatsAsync(annNs.StoreId, Ct)).StoredBytes + (await host.Registry.GetStatsAsync(bobNs.StoreId, Ct)).StoredBytes;
        Assert.Equal(stored, platform.StoredBytes[^1].Bytes);
        await DomainAssert.RefusedAsync(DomainErrors.AdminOnly, () => usage.GetPlatformUsageAsync(bob, UsageRange.LastDay, Ct));
    }

    [Fact]
    public async Task GetNamespaceUsageAsync_IdleSinceBeforeTheRange_StoredBytesCarriedAcross()
    {
        // Arrange: written two hours ago, idle since.
        var clock = new ManualClock();
        await using var host = await DomainHost.StartAsync(time: clock);
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");
        await host.Records.PutAsync(user, ns.Id, "a", "value", cancellationToken: Ct);
        await host.Get<UsageRecorder>().FlushAsync(Ct);
        clock.Advance(TimeSpan.FromHours(2));

        // Act
        var series = await host.Get<UsageService>().GetNamespaceUsageAsync(user, ns.Id, UsageRange.LastHour, Ct);

        // Assert
        Assert.True(series.HasHistory);
        Assert.Equal(0, series.TotalWrites);
        Assert.Equal(60, series.StoredBytes.Count);
        Assert.All(series.StoredBytes, p => Assert.Equal(series.StoredBytes[0].Bytes, p.Bytes));
    }
}
