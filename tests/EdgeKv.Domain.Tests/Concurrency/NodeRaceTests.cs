using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Core.Values;
using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Data;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Tests.Infrastructure;
using EdgeKv.Domain.Tokens;
using EdgeKv.Domain.Usage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Domain.Tests.Concurrency;

/// <summary>
/// Two nodes (two hosts, each with its own services and contexts) on one PostgreSQL admin database race for what only
/// one may get. A <see cref="RaceGate"/> holds each racer at its write until the other has either passed its own
/// checks too (then both would win: the test fails) or waits on the lock (<c>AdminLocks</c>): the interleaving that
/// breaks an unlocked check under READ COMMITTED happens on every run.
/// </summary>
public sealed class NodeRaceTests : IRunsOnPostgres
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateNamespace_TwoNodesRaceForTheLastOne_ExactlyOneCreated()
    {
        // Arrange: ann may hold 2 namespaces and holds 1.
        await using var setup = await DomainHost.StartAsync();
        var (ann, accountId) = await setup.CreateOpenUserAsync("ann");
        await setup.Accounts.SetQuotaAsync(setup.Admin, accountId, 1024 * 1024, 2, Ct);
        await setup.Namespaces.CreateAsync(ann, "first", null, Ct);
        var (a, b, gate) = await StartTwoNodesAsync(setup, "INSERT INTO \"KvNamespaces\"");
        await using var _ = a;
        await using var __ = b;

        // Act
        gate.Arm();
        var outcomes = await Task.WhenAll(
            OutcomeAsync(() => a.Namespaces.CreateAsync(ann, "from-a", null, Ct)),
            OutcomeAsync(() => b.Namespaces.CreateAsync(ann, "from-b", null, Ct)));

        // Assert
        Assert.Equal([null, DomainErrors.NamespaceLimitReached.Code], outcomes.Order());
        Assert.Equal(2, (await setup.Namespaces.ListAsync(ann, null, Ct)).Count);
    }

    [Fact]
    public async Task CreateToken_TwoNodesRaceForTheLastOne_ExactlyOneCreated()
    {
        // Arrange: ann holds one token fewer than the limit.
        await using var setup = await DomainHost.StartAsync();
        var (ann, ns) = await setup.CreateUserWithNamespaceAsync("ann");
        for (var i = 1; i < AccessToken.MaxLiveTokensPerUser; i++)
        {
            await setup.Tokens.CreateAsync(ann, new NewAccessToken($"t{i}", [ns.Id], AccessTokenPermission.ReadOnly), Ct);
        }

        var (a, b, gate) = await StartTwoNodesAsync(setup, "INSERT INTO \"AccessTokens\"");
        await using var _ = a;
        await using var __ = b;

        // Act
        gate.Arm();
        var outcomes = await Task.WhenAll(
            OutcomeAsync(() => a.Tokens.CreateAsync(ann, new NewAccessToken("from-a", [ns.Id], AccessTokenPermission.ReadOnly), Ct)),
            OutcomeAsync(() => b.Tokens.CreateAsync(ann, new NewAccessToken("from-b", [ns.Id], AccessTokenPermission.ReadOnly), Ct)));

        // Assert
        Assert.Equal([null, DomainErrors.TokenLimitReached.Code], outcomes.Order());
        Assert.Equal(AccessToken.MaxLiveTokensPerUser, (await setup.Tokens.ListAsync(ann, null, Ct)).Count);
    }

    [Fact]
    public async Task Approve_TwoNodesApproveTwoApplicationsForTheLastPlace_OnlyOneApproved()
    {
        // Arrange
        await using var setup = await DomainHost.StartAsync();
        await setup.Accounts.SetMaxApprovedAccountsAsync(setup.Admin, 1, Ct);
        var ann = await setup.Accounts.ApplyAsync(await setup.CreateUserAsync("ann"), null, Ct);
        var bob = await setup.Accounts.ApplyAsync(await setup.CreateUserAsync("bob"), null, Ct);
        var (a, b, gate) = await StartTwoNodesAsync(setup, "UPDATE \"KvAccounts\"");
        await using var _ = a;
        await using var __ = b;

        // Act
        gate.Arm();
        var outcomes = await Task.WhenAll(
            OutcomeAsync(() => a.Accounts.ApproveAsync(setup.Admin, ann.AccountId!.Value, null, Ct)),
            OutcomeAsync(() => b.Accounts.ApproveAsync(setup.Admin, bob.AccountId!.Value, null, Ct)));

        // Assert
        Assert.Equal([null, DomainErrors.NoPlacesLeft.Code], outcomes.Order());
        Assert.Equal(1, (await setup.Accounts.GetPlacesAsync(setup.Admin, Ct)).TakenPlaces);
    }

    [Fact]
    public async Task Decide_TwoNodesApproveAndRejectOneApplication_OnlyTheFirstDecides()
    {
        // Arrange
        await using var setup = await DomainHost.StartAsync();
        var ann = await setup.Accounts.ApplyAsync(await setup.CreateUserAsync("ann"), null, Ct);
        var (a, b, gate) = await StartTwoNodesAsync(setup, "UPDATE \"KvAccounts\"");
        await using var _ = a;
        await using var __ = b;

        // Act
        gate.Arm();
        var outcomes = await Task.WhenAll(
            OutcomeAsync(() => a.Accounts.ApproveAsync(setup.Admin, ann.AccountId!.Value, null, Ct)),
            OutcomeAsync(() => b.Accounts.RejectAsync(setup.Admin, ann.AccountId!.Value, "no", Ct)));

        // Assert: one decision, and the other is told the application is no longer pending.
        Assert.Equal([null, DomainErrors.NotPending.Code], outcomes.Order());
        await using var db = setup.CreateDbContext();
        var decisions = await db.AuditEntries.CountAsync(e => e.Action == AuditActions.AccountApproved || e.Action == AuditActions.AccountRejected, Ct);
        Assert.Equal(1, decisions);
    }

    [Fact]
    public async Task CreateProject_TwoNodesCreateOneName_OneCreatedTheOtherToldTheNameIsTaken()
    {
        // Arrange: the unique index alone would refuse the second with a database error instead of the domain's.
        await using var setup = await DomainHost.StartAsync();
        var ann = await setup.CreateUserAsync("ann");
        var (a, b, gate) = await StartTwoNodesAsync(setup, "INSERT INTO \"Projects\"");
        await using var _ = a;
        await using var __ = b;

        // Act
        gate.Arm();
        var outcomes = await Task.WhenAll(
            OutcomeAsync(() => a.Projects.CreateAsync(ann, "site", null, Ct)),
            OutcomeAsync(() => b.Projects.CreateAsync(ann, "SITE", null, Ct)));

        // Assert: names compare without case on PostgreSQL too.
        Assert.Equal([null, DomainErrors.ProjectNameTaken.Code], outcomes.Order());
        Assert.Single(await setup.Projects.ListAsync(ann, null, Ct));
    }

    [Fact]
    public async Task FlushUsage_TwoNodesAddToOneMinuteRow_BothCountsKept()
    {
        // Arrange: one namespace served by both nodes (its store opened in each node's engine), one clock for all, a
        // row for the minute already written by a first flush.
        var clock = new ManualClock();
        await using var setup = await DomainHost.StartAsync(time: clock);
        var (_, ns) = await setup.CreateUserWithNamespaceAsync("ann");
        var (a, b, gate) = await StartTwoNodesAsync(setup, "UPDATE \"NamespaceUsage\"", clock);
        await using var _ = a;
        await using var __ = b;
        var storeAtA = await OpenOnNodeAsync(a, ns.StoreId, ns.AccountId);
        var storeAtB = await OpenOnNodeAsync(b, ns.StoreId, ns.AccountId);
        await storeAtA.SetAsync(KvKey.Of("first"), KvValue.Text("1"), cancellationToken: Ct);
        await a.Get<UsageRecorder>().FlushAsync(Ct);
        await storeAtA.SetAsync(KvKey.Of("a"), KvValue.Text("1"), cancellationToken: Ct);
        await storeAtB.SetAsync(KvKey.Of("b"), KvValue.Text("1"), cancellationToken: Ct);

        // Act
        gate.Arm();
        await Task.WhenAll(a.Get<UsageRecorder>().FlushAsync(Ct), b.Get<UsageRecorder>().FlushAsync(Ct));

        // Assert: 1 + 1 + 1 writes, none lost to the other node's flush.
        await using var db = setup.CreateDbContext();
        var row = await db.NamespaceUsage.AsNoTracking().SingleAsync(u => u.NamespaceId == ns.Id, Ct);
        Assert.Equal(3, row.Writes);
    }

    private static async Task<IKvStore> OpenOnNodeAsync(DomainHost node, string storeId, int accountId)
    {
        var group = KvAccount.BudgetGroupOf(accountId);
        await node.Registry.SetBudgetAsync(group, 1024 * 1024, Ct);
        return node.Registry.Exists(storeId) ? await node.Registry.OpenAsync(storeId, Ct) : await node.Registry.CreateNamespaceAsync(storeId, group, Ct);
    }

    private static async Task<(DomainHost A, DomainHost B, RaceGate Gate)> StartTwoNodesAsync(DomainHost setup, string write, TimeProvider? time = null)
    {
        var server = await PostgresAdminDatabases.ServerAsync();
        var gate = new RaceGate(write, server.ConnectionString());
        var a = await setup.StartNodeAsync(services => services.ConfigureDbContext<EdgeKvDbContext>(options => options.AddInterceptors(gate)), time);
        var b = await setup.StartNodeAsync(services => services.ConfigureDbContext<EdgeKvDbContext>(options => options.AddInterceptors(gate)), time);
        return (a, b, gate);
    }

    private static async Task<string?> OutcomeAsync(Func<Task> attempt)
    {
        try
        {
            await attempt();
            return null;
        }
        catch (DomainException exception)
        {
            return exception.Code;
        }
    }
}
