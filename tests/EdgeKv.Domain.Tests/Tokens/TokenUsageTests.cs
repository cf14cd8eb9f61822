using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Tests.Infrastructure;
using EdgeKv.Domain.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Domain.Tests.Tokens;

/// <summary>
/// Programs' uses are counted in memory and written in batches (issue 10): a resolve writes nothing to the admin
/// database, the batch moves each token's last use, and the audit log keeps what people do, not every data request.
/// </summary>
public class TokenUsageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ResolveAsync_Writes_CountedInMemoryWrittenByTheBatchNeverAudited()
    {
        // Arrange
        var clock = new ManualClock();
        await using var host = await DomainHost.StartAsync(time: clock);
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var created = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadWrite, ns.Id);

        // Act
        for (var i = 0; i < 3; i++)
        {
            await host.ResolveAsync(created.Secret, ns.StoreId, AccessTokenUse.Write);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var lastUse = clock.UtcNow - TimeSpan.FromSeconds(1);
        var beforeBatch = (await host.TokenRowAsync(created.Token.Id)).LastUsedAt;
        await Writer(host).FlushAsync(Ct);

        // Assert
        Assert.Null(beforeBatch);
        var view = await host.Tokens.GetAsync(ann, created.Token.Id, Ct);
        Assert.Equal((lastUse, 0L, 3L), (view.LastUsedAt, view.ReadCount, view.WriteCount));
        Assert.DoesNotContain(await host.AuditLog.ListAsync(ann, new AuditQuery(AccessTokenId: created.Token.Id), Ct),
            e => e.Action is AuditActions.TokenWrite or AuditActions.TokenRead);
    }

    [Fact]
    public async Task ResolveAsync_ReadOnlyTokenAskingToWrite_CountedAsARead()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var created = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadOnly, ns.Id);

        // Act
        await host.ResolveAsync(created.Secret, ns.StoreId, AccessTokenUse.Write);
        await host.ResolveAsync(created.Secret, ns.StoreId, AccessTokenUse.Write);

        // Assert: it cannot write, so nothing is counted as written.
        var batch = Assert.Single(Usage(host).Drain());
        Assert.Equal((created.Token.Id, 2L, 0L), (batch.TokenId, batch.Reads, batch.Writes));
    }

    [Fact]
    public async Task ResolveAsync_ConcurrentUses_EachCountedOnce()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var created = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadWrite, ns.Id);

        // Act
        var resolutions = await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
            Task.Run(() => host.ResolveAsync(created.Secret, ns.StoreId, i % 4 == 0 ? AccessTokenUse.Write : AccessTokenUse.Read), Ct)));

        // Assert
        Assert.All(resolutions, r => Assert.True(r.IsGranted));
        var batch = Assert.Single(Usage(host).Drain());
        Assert.Equal((48L, 16L), (batch.Reads, batch.Writes));
        Assert.Empty(Usage(host).Drain());
    }

    [Fact]
    public async Task FlushAsync_AnOlderBatch_NeverMovesLastUsedBack()
    {
        // Arrange
        var clock = new ManualClock();
        await using var host = await DomainHost.StartAsync(time: clock);
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var created = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadWrite, ns.Id);
        await host.ResolveAsync(created.Secret, ns.StoreId);
        await Writer(host).FlushAsync(Ct);
        var latest = clock.UtcNow;

        // Act: a batch that saw only an earlier use (another node's, or one that was late).
        Usage(host).Record(created.Token.Id, write: false, latest - TimeSpan.FromMinutes(5));
        await Writer(host).FlushAsync(Ct);

        // Assert: the time stays; the counts add up.
        var row = await host.TokenRowAsync(created.Token.Id);
        Assert.Equal((latest, 2L), (row.LastUsedAt, row.ReadCount));
    }

    [Fact]
    public void Return_ABatchThatCouldNotBeWritten_GoesOutWithTheNextOne()
    {
        var usage = new AccessTokenUsage();
        var first = new DateTime(2026, 12, 7, 1, 0, 0, DateTimeKind.Utc);
        usage.Record(7, write: true, first);
        usage.Record(7, write: false, first.AddSeconds(1));
        usage.RecordBytesWritten(7, 100);
        usage.RecordBytesRead(7, 40);
        var failed = usage.Drain();

        usage.Record(7, write: false, first.AddSeconds(2));
        usage.RecordBytesRead(7, 2);
        usage.Return(failed);

        var next = Assert.Single(usage.Drain());
        Assert.Equal(new AccessTokenUseBatch(7, Reads: 2, Writes: 1, first.AddSeconds(2)) { BytesWritten = 100, BytesRead = 42 }, next);
    }

    [Fact]
    public async Task FlushAsync_BytesReadOfSeveralBatches_AddUpOnTheTokenBesideBytesWritten()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var created = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadWrite, ns.Id);
        await host.ResolveAsync(created.Secret, ns.StoreId);

        // Act: two flushes, as two nodes' (or two intervals') batches.
        Usage(host).RecordBytesRead(created.Token.Id, 1000);
        Usage(host).RecordBytesWritten(created.Token.Id, 7);
        await Writer(host).FlushAsync(Ct);
        Usage(host).RecordBytesRead(created.Token.Id, 24);
        await Writer(host).FlushAsync(Ct);

        // Assert
        var view = await host.Tokens.GetAsync(ann, created.Token.Id, Ct);
        Assert.Equal((1L, 7L, 1024L), (view.ReadCount, view.BytesWritten, view.BytesRead));
    }

    [Fact]
    public async Task ResolveAsync_Refused_CountsNothing()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, chosen) = await host.CreateUserWithNamespaceAsync("ann");
        var other = await host.Namespaces.CreateAsync(ann, "other", null, Ct);
        var created = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadWrite, chosen.Id);

        // Act
        await host.ResolveAsync(created.Secret, other.StoreId, AccessTokenUse.Write);
        await host.ResolveAsync(created.Secret, "ns-missing", AccessTokenUse.Write);
        await Writer(host).FlushAsync(Ct);

        // Assert
        Assert.Empty(Usage(host).Drain());
        Assert.Null((await host.TokenRowAsync(created.Token.Id)).LastUsedAt);
    }

    private static AccessTokenUsage Usage(DomainHost host) => host.Services.GetRequiredService<AccessTokenUsage>();

    private static AccessTokenUsageWriter Writer(DomainHost host) => host.Services.GetRequiredService<AccessTokenUsageWriter>();
}
