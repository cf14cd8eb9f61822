using EdgeKv.Domain.Errors;
using EdgeKv.Domain.FunctionLogs;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.FunctionLogs;

/// <summary>The functions' log book: bounded per project, live, and readable only by the project's owner or an admin.</summary>
public sealed class ProjectLogServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Follow_AnotherUsersProject_NotFoundAndNothingRead()
    {
        await using var host = await DomainHost.StartAsync();
        var owner = await host.CreateUserAsync("ann");
        var stranger = await host.CreateUserAsync("bob");
        var project = await host.Projects.CreateAsync(owner, "blog", null, Ct);
        host.Get<ProjectLogBook>().Write(project.Id, ProjectLogLevel.Info, "owner's line");
        var logs = host.Get<ProjectLogService>();

        await DomainAssert.RefusedAsync(DomainErrors.ProjectNotFound, () => logs.FollowAsync(stranger, project.Id, Ct));

        Assert.Equal("owner's line", Assert.Single((await logs.FollowAsync(owner, project.Id, Ct)).Snapshot).Message);
        Assert.Equal("owner's line", Assert.Single((await logs.FollowAsync(host.Admin, project.Id, Ct)).Snapshot).Message);
    }

    [Fact]
    public async Task Follow_SnapshotThenNewLines_InOrderWithoutGaps()
    {
        await using var host = await DomainHost.StartAsync();
        var owner = await host.CreateUserAsync("ann");
        var project = await host.Projects.CreateAsync(owner, "blog", null, Ct);
        var book = host.Get<ProjectLogBook>();
        book.Write(project.Id, ProjectLogLevel.Info, "before");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));

        var feed = await host.Get<ProjectLogService>().FollowAsync(owner, project.Id, timeout.Token);
        book.Write(project.Id, ProjectLogLevel.Error, "after", "/api");
        book.Write(project.Id + 1, ProjectLogLevel.Info, "another project's");
        await using var changes = feed.Changes.GetAsyncEnumerator(timeout.Token);

        Assert.Equal("before", Assert.Single(feed.Snapshot).Message);
        Assert.True(await changes.MoveNextAsync());
        Assert.Equal(("after", "/api", ProjectLogLevel.Error), (changes.Current.Message, changes.Current.Path, changes.Current.Level));
        Assert.Equal(feed.Snapshot[0].Sequence + 1, changes.Current.Sequence);
    }

    [Fact]
    public async Task Write_PastTheBound_KeepsTheLastThousandAndCutsLongLines()
    {
        await using var host = await DomainHost.StartAsync();
        var owner = await host.CreateUserAsync("ann");
        var project = await host.Projects.CreateAsync(owner, "blog", null, Ct);
        var book = host.Get<ProjectLogBook>();

        for (var i = 0; i < ProjectLogBook.MaxEntriesPerProject + 5; i++)
        {
            book.Write(project.Id, ProjectLogLevel.Info, $"line {i}");
        }

        book.Write(project.Id, ProjectLogLevel.Info, new string('x', ProjectLogBook.MaxMessageLength + 100));

        var snapshot = (await host.Get<ProjectLogService>().FollowAsync(owner, project.Id, Ct)).Snapshot;
        Assert.Equal(ProjectLogBook.MaxEntriesPerProject, snapshot.Count);
        Assert.Equal("line 6", snapshot[0].Message);
        Assert.Equal(ProjectLogBook.MaxMessageLength, snapshot[^1].Message.Length);
        Assert.EndsWith("…", snapshot[^1].Message, StringComparison.Ordinal);
    }
}
