using EdgeKv.Core.Keys;
using EdgeKv.Core.Values;
using EdgeKv.Domain.Tests.Infrastructure;
using EdgeKv.Domain.Tokens;
using EdgeKv.Domain.Usage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EdgeKv.Domain.Tests.Usage;

/// <summary>The background flush: on its timer, once more when the host stops, and its interval's bounds.</summary>
public sealed class UsageFlushServiceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExecuteAsync_EveryInterval_FlushesAndSignalsTheCharts()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync(new Dictionary<string, string?> { ["EdgeKv:Usage:FlushInterval"] = "00:00:01" });
        var (_, ns) = await host.CreateUserWithNamespaceAsync("ann");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var flushed = host.Get<UsageFlushes>().Subscribe(stop.Token).GetAsyncEnumerator(stop.Token);
        var firstSignal = flushed.MoveNextAsync().AsTask();
        var service = NewService(host);
        await service.StartAsync(Ct);

        // Act
        await (await host.Registry.OpenAsync(ns.StoreId, Ct)).SetAsync(KvKey.Of("a"), KvValue.Text("1"), cancellationToken: Ct);

        // Assert: signalled by the timer's flush, nobody asked.
        Assert.True(await firstSignal.WaitAsync(Timeout, Ct));
        await service.StopAsync(Ct);
        await stop.CancelAsync();
        Assert.Equal(1, (await RowsAsync(host)).Sum(r => r.Writes));
    }

    [Fact]
    public async Task StopAsync_CountsSinceTheLastTick_WrittenBeforeTheHostEnds()
    {
        // Arrange: a minute between ticks, so only the stop can write; a program's token used once.
        await using var host = await DomainHost.StartAsync(new Dictionary<string, string?> { ["EdgeKv:Usage:FlushInterval"] = "00:01:00" });
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var token = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadWrite, ns.Id);
        var service = NewService(host);
        await service.StartAsync(Ct);
        await host.ResolveAsync(token.Secret, ns.StoreId, AccessTokenUse.Write);
        await (await host.Registry.OpenAsync(ns.StoreId, Ct)).SetAsync(KvKey.Of("a"), KvValue.Text("1"), cancellationToken: Ct);

        // Act
        await service.StopAsync(Ct).WaitAsync(Timeout, Ct);

        // Assert: the namespace's minute and the token's use, both kept.
        Assert.Equal(1, Assert.Single(await RowsAsync(host)).Writes);
        Assert.Equal(1, (await host.TokenRowAsync(token.Token.Id)).WriteCount);
    }

    [Theory]
    [InlineData("00:00:00.500")]
    [InlineData("00:05:00")]
    public async Task Options_FlushIntervalOutOfBounds_Refused(string interval)
    {
        await using var host = await DomainHost.StartAsync(new Dictionary<string, string?> { ["EdgeKv:Usage:FlushInterval"] = interval });

        var error = Assert.Throws<OptionsValidationException>(() => host.Get<IOptions<UsageOptions>>().Value);

        Assert.Contains("EdgeKv:Usage:FlushInterval", error.Message, StringComparison.Ordinal);
    }

    private static UsageFlushService NewService(DomainHost host) => new(
        host.Get<UsageRecorder>(), host.Get<AccessTokenUsageWriter>(), host.Get<IOptions<UsageOptions>>(), TimeProvider.System, NullLogger<UsageFlushService>.Instance);

    private static async Task<List<NamespaceUsageMinute>> RowsAsync(DomainHost host)
    {
        await using var db = host.CreateDbContext();
        return await db.NamespaceUsage.AsNoTracking().ToListAsync(Ct);
    }
}
