using System.Diagnostics;
using EdgeKv.Testing.Postgres;

namespace EdgeKv.Api.Tests.Cluster.Faults;

/// <summary>
/// kill -9 of one node under write load through two (issue 13's fault test): two host processes on one PostgreSQL,
/// writers through both; node A is killed mid-load. Every write either node acknowledged is there afterwards, read
/// strongly through B, and B's writers never saw a failure.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class NodeKillTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private const int WritersPerNode = 24;
    private const int AcknowledgedPerPhase = 300;
    private static readonly TimeSpan PhaseTimeout = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task KillNodeA_UnderLoadThroughBothNodes_EveryAcknowledgedWritePresent_NodeBServedThroughout()
    {
        // Arrange: two nodes, 24 writers through each, until both have acknowledged writes.
        var setup = Stopwatch.StartNew();
        var target = await LoadTarget.CreateAsync(postgres.Server);
        var nodes = await target.StartNodesAsync(2);
        await using var nodeA = nodes[0];
        await using var nodeB = nodes[1];
        await using var load = new WriteLoad(target.StoreId, target.Token);
        var setupTime = setup.Elapsed;
        var viaA = load.Start("a", nodeA.Url, WritersPerNode, stopOnFailure: true);
        var viaB = load.Start("b", nodeB.Url, WritersPerNode);
        await load.WaitUntilAsync(() => viaA.Acknowledged >= AcknowledgedPerPhase && viaB.Acknowledged >= AcknowledgedPerPhase, PhaseTimeout, "both nodes acknowledging writes");

        // Act: kill -9 of A; B's writers go on until B has acknowledged as many again.
        var killedAt = load.Now;
        await nodeA.KillAsync();
        var viaBBeforeKill = viaB.Acknowledged;
        await load.WaitUntilAsync(() => viaB.Acknowledged >= viaBBeforeKill + AcknowledgedPerPhase, PhaseTimeout, "node B acknowledging writes after the kill");
        await load.StopAsync();

        // Assert: every acknowledged write of either node is read back strongly through B, with its versionstamp.
        var missing = await StrongReads.MissingAsync(nodeB.Url, target.StoreId, target.Token, load.Acknowledged);
        var presentOfA = await StrongReads.CountAsync(nodeB.Url, target.StoreId, target.Token, "a-");
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"set-up (database, namespace, token, nodes ready): {setupTime.TotalSeconds:F1} s");
        output?.WriteLine($"kill -9 of node A (PID {nodeA.ProcessId}) at {killedAt.TotalSeconds:F1} s under {WritersPerNode} writers per node");
        output?.WriteLine($"acknowledged via A: {viaA.Acknowledged} (keys of A's writers present: {presentOfA}, so {presentOfA - viaA.Acknowledged} committed whose answer the kill cut off)");
        output?.WriteLine($"acknowledged via B: {viaB.Acknowledged} ({viaB.Acknowledged - viaBBeforeKill} after the kill), failed on B: {viaB.Failures.Count}");
        output?.WriteLine($"failed on A after the kill: {viaA.FailuresSince(killedAt)} (one per writer: each ends at its first failure), before it: {viaA.Failures.Count - viaA.FailuresSince(killedAt)}");
        output?.WriteLine($"acknowledged writes missing through B: {missing.Count}");
        Assert.Empty(missing);
        Assert.Empty(viaB.Failures);
        Assert.Equal(0, viaA.Failures.Count - viaA.FailuresSince(killedAt));
        Assert.True(presentOfA >= viaA.Acknowledged);
    }
}
