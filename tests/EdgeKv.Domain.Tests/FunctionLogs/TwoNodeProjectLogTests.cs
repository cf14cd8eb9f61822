using EdgeKv.Domain.Cluster;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.FunctionLogs;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.FunctionLogs;

/// <summary>
/// Two nodes on one PostgreSQL admin database, each running its log writer and hearing the other's notices: a log
/// opened on one node shows, live, what a function wrote on the other, and its history has it too.
/// </summary>
public sealed class TwoNodeProjectLogTests : IRunsOnPostgres
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Follow_OnNodeA_LinesWrittenOnNodeBArriveLiveAndStayInTheHistory()
    {
        // Arrange
        await using var a = await DomainHost.StartAsync();
        await using var b = await a.StartNodeAsync();
        var owner = await a.CreateUserAsync("ann");
        var project = await a.Projects.CreateAsync(owner, "blog", null, Ct);
        await StartNodeAsync(a);
        await StartNodeAsync(b);
        b.Get<ProjectLogBook>().Write(project.Id, ProjectLogLevel.Info, "before the panel opened");
        await b.Get<ProjectLogWriter>().FlushAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(Timeout);
        var feed = await a.Get<ProjectLogService>().FollowAsync(owner, project.Id, timeout.Token);
        await using var changes = feed.Changes.GetAsyncEnumerator(timeout.Token);

        // Act: A's own function logs once, then B's twice.
        a.Get<ProjectLogBook>().Write(project.Id, ProjectLogLevel.Info, "served by A");
        b.Get<ProjectLogBook>().Write(project.Id, ProjectLogLevel.Error, "served by B", "/b");
        b.Get<ProjectLogBook>().Write(project.Id, ProjectLogLevel.Info, new HostLogLine(ProjectLogCodes.RuntimeRestarted, ["3"], "Runtime restarted (deployment 3)."));

        // Assert: live, each once, A's at once and B's after its batch.
        Assert.Equal("before the panel opened", Assert.Single(feed.Snapshot).Message);
        var live = new List<ProjectLogEntry>();
        while (live.Count < 3)
        {
            Assert.True(await changes.MoveNextAsync());
            live.Add(changes.Current);
        }

        Assert.Equal(["served by A", "served by B", "Runtime restarted (deployment 3)."], live.Select(e => e.Message));
        Assert.Equal(("/b", ProjectLogLevel.Error), (live[1].Path, live[1].Level));
        Assert.Equal((ProjectLogCodes.RuntimeRestarted, "3"), (live[2].Code, Assert.Single(live[2].Arguments)));

        // And a panel opened later on A, after A's writer wrote its own line (before or after B's: the two writers'
        // rounds are independent), has all four, each once.
        await a.Get<ProjectLogWriter>().FlushAsync(Ct);
        var later = await a.Get<ProjectLogService>().FollowAsync(owner, project.Id, timeout.Token);
        Assert.Equal(
            ["Runtime restarted (deployment 3).", "before the panel opened", "served by A", "served by B"],
            later.Snapshot.Select(e => e.Message).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Follow_AnotherUsersProjectOnAnotherNode_NotFound()
    {
        await using var a = await DomainHost.StartAsync();
        await using var b = await a.StartNodeAsync();
        var owner = await a.CreateUserAsync("ann");
        var stranger = await a.CreateUserAsync("bob");
        var project = await a.Projects.CreateAsync(owner, "blog", null, Ct);
        a.Get<ProjectLogBook>().Write(project.Id, ProjectLogLevel.Info, "ann's secret");
        await a.Get<ProjectLogWriter>().FlushAsync(Ct);

        await DomainAssert.RefusedAsync(DomainErrors.ProjectNotFound, () => b.Get<ProjectLogService>().FollowAsync(stranger, project.Id, Ct));
        Assert.Equal("ann's secret", Assert.Single((await b.Get<ProjectLogService>().FollowAsync(b.Admin, project.Id, Ct)).Snapshot).Message);
    }

    // What the console host runs on each node: the listener for the others' notices and the writer's rounds.
    private static async Task StartNodeAsync(DomainHost node)
    {
        var listener = node.Get<ClusterEventListener>();
        await listener.StartAsync(Ct);
        await listener.Listening.WaitAsync(Timeout, Ct);
        await node.Get<ProjectLogWriter>().StartAsync(Ct);
    }
}
