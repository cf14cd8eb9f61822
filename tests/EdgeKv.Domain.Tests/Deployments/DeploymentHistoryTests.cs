using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Events;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.Deployments;

/// <summary>A project's deployment history: which deployment serves, listing, reading files, rolling back, and who may.</summary>
public sealed class DeploymentHistoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Answering(string text) =>
        new() { ["index.js"] = $"export const onRequest = () => new Response(\"{text}\");" };

    [Fact]
    public async Task ActiveIdAsync_NothingDeployed_Null()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");
        var project = await host.Projects.CreateAsync(user, "site", null, Ct);

        // Act
        var active = await host.Deployments.ActiveIdAsync(project.Id, Ct);

        // Assert
        Assert.Null(active);
    }

    [Fact]
    public async Task DeployAsync_Twice_TheNewestServesAndIsMarkedActive()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");
        var project = await host.Projects.CreateAsync(user, "site", null, Ct);
        var first = await host.Deployments.DeployAsync(user, project.Id, Answering("one"), Ct);

        // Act
        var second = await host.Deployments.DeployAsync(user, project.Id, Answering("two"), Ct);

        // Assert
        Assert.Equal(second.Id, await host.Deployments.ActiveIdAsync(project.Id, Ct));
        var list = await host.Deployments.ListAsync(user, project.Id, Ct);
        Assert.Equal([second.Id, first.Id], list.Select(d => d.Id));
        Assert.Equal([true, false], list.Select(d => d.IsActive));
        Assert.All(list, d => Assert.Equal("ann@example.test", d.CreatedBy));
        Assert.All(list, d => Assert.Equal(1, d.FileCount));
    }

    [Fact]
    public async Task DeployAsync_FromTheConsole_TheAuditLogNamesWhoTheDeploymentAndItsFiles()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");
        var project = await host.Projects.CreateAsync(user, "site", null, Ct);
        var files = new Dictionary<string, string> { ["index.js"] = "export const onRequest = () => new Response(\"é\");", ["lib/util.js"] = "export {};" };
        var bytes = files.Values.Sum(System.Text.Encoding.UTF8.GetByteCount);

        // Act
        var deployed = await host.Deployments.DeployAsync(user, project.Id, files, Ct);

        // Assert
        var entry = Assert.Single(await host.AuditLog.ListAsync(user, new AuditQuery(Actions: [AuditActions.DeploymentCreated]), Ct));
        Assert.Equal((user.UserId, AuditTargets.Project, project.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (entry.ActorUserId, entry.TargetType, entry.TargetId));
        Assert.Equal($"deployment {deployed.Id}: 2 files, {bytes} bytes", entry.Reason);
        Assert.Null(entry.AccessTokenId);
    }

    [Fact]
    public async Task DeployAsync_Refused_NothingAudited()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");
        var project = await host.Projects.CreateAsync(user, "site", null, Ct);

        // Act
        await Assert.ThrowsAsync<DomainException>(() => host.Deployments.DeployAsync(user, project.Id, new Dictionary<string, string> { ["../x.js"] = "" }, Ct));

        // Assert
        Assert.Empty(await host.AuditLog.ListAsync(user, new AuditQuery(Actions: [AuditActions.DeploymentCreated]), Ct));
    }

    [Fact]
    public async Task ActivateAsync_EarlierDeployment_ItServesAndTheAuditLogSaysSo()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");
        var project = await host.Projects.CreateAsync(user, "site", null, Ct);
        var first = await host.Deployments.DeployAsync(user, project.Id, Answering("one"), Ct);
        await host.Deployments.DeployAsync(user, project.Id, Answering("two"), Ct);
        using var subscription = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        subscription.CancelAfter(TimeSpan.FromSeconds(30));
        await using var events = host.Events.Subscribe(subscription.Token).GetAsyncEnumerator(subscription.Token);

        // Act
        var activated = await host.Deployments.ActivateAsync(user, project.Id, first.Id, Ct);

        // Assert
        Assert.True(activated.IsActive);
        var active = await host.Deployments.ActiveIdAsync(project.Id, Ct);
        Assert.Equal(first.Id, active);
        var served = await host.Deployments.LoadAsync(project.Id, active!.Value, Ct);
        Assert.Contains("\"one\"", served!.Files["index.js"], StringComparison.Ordinal);
        Assert.Equal(first.Id, Assert.Single(await host.Deployments.ListAsync(user, project.Id, Ct), d => d.IsActive).Id);
        var entry = Assert.Single(await host.AuditLog.ListAsync(user, new AuditQuery(Actions: [AuditActions.DeploymentActivated]), Ct));
        Assert.Equal($"deployment {first.Id}", entry.Reason);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal((DomainEventKind.DeploymentChanged, project.Id), (events.Current.Kind, events.Current.ProjectId!.Value));
    }

    [Fact]
    public async Task DeployAsync_AfterRollback_TheNewDeploymentServes()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");
        var project = await host.Projects.CreateAsync(user, "site", null, Ct);
        var first = await host.Deployments.DeployAsync(user, project.Id, Answering("one"), Ct);
        await host.Deployments.DeployAsync(user, project.Id, Answering("two"), Ct);
        await host.Deployments.ActivateAsync(user, project.Id, first.Id, Ct);

        // Act
        var third = await host.Deployments.DeployAsync(user, project.Id, Answering("three"), Ct);

        // Assert
        Assert.Equal(third.Id, await host.Deployments.ActiveIdAsync(project.Id, Ct));
    }

    [Fact]
    public async Task FilesAsync_OwnDeployment_TheSourcesAsDeployed()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");
        var project = await host.Projects.CreateAsync(user, "site", null, Ct);
        var files = new Dictionary<string, string> { ["index.js"] = "export const onRequest = () => new Response('i');", ["api/[id].js"] = "export {}" };
        var deployment = await host.Deployments.DeployAsync(user, project.Id, files, Ct);

        // Act
        var read = await host.Deployments.FilesAsync(user, project.Id, deployment.Id, Ct);

        // Assert
        Assert.Equal(files.OrderBy(f => f.Key), read.OrderBy(f => f.Key));
    }

    [Fact]
    public async Task AnotherUsersProject_EveryCall_NotFoundAndNothingChanges()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var ann = await host.CreateUserAsync("ann");
        var bob = await host.CreateUserAsync("bob");
        var project = await host.Projects.CreateAsync(ann, "site", null, Ct);
        var first = await host.Deployments.DeployAsync(ann, project.Id, Answering("one"), Ct);
        var second = await host.Deployments.DeployAsync(ann, project.Id, Answering("two"), Ct);

        // Act
        await DomainAssert.RefusedAsync(DomainErrors.ProjectNotFound, () => host.Deployments.ListAsync(bob, project.Id, Ct));
        await DomainAssert.RefusedAsync(DomainErrors.ProjectNotFound, () => host.Deployments.FilesAsync(bob, project.Id, first.Id, Ct));
        await DomainAssert.RefusedAsync(DomainErrors.ProjectNotFound, () => host.Deployments.ActivateAsync(bob, project.Id, first.Id, Ct));

        // Assert
        Assert.Equal(second.Id, await host.Deployments.ActiveIdAsync(project.Id, Ct));
    }

    [Fact]
    public async Task ActivateAsync_AnotherProjectsDeployment_NotFoundAndNothingChanges()
    {
        // Arrange: bob's own project, and ann's deployment id named through it.
        await using var host = await DomainHost.StartAsync();
        var ann = await host.CreateUserAsync("ann");
        var bob = await host.CreateUserAsync("bob");
        var annProject = await host.Projects.CreateAsync(ann, "site", null, Ct);
        var bobProject = await host.Projects.CreateAsync(bob, "site", null, Ct);
        var annDeployment = await host.Deployments.DeployAsync(ann, annProject.Id, Answering("ann"), Ct);
        var bobDeployment = await host.Deployments.DeployAsync(bob, bobProject.Id, Answering("bob"), Ct);

        // Act
        var error = await DomainAssert.RefusedAsync(DomainErrors.DeploymentNotFound, () => host.Deployments.ActivateAsync(bob, bobProject.Id, annDeployment.Id, Ct));
        await DomainAssert.RefusedAsync(DomainErrors.DeploymentNotFound, () => host.Deployments.FilesAsync(bob, bobProject.Id, annDeployment.Id, Ct));

        // Assert
        Assert.Equal("Deployment not found.", error.Message);
        Assert.Equal(bobDeployment.Id, await host.Deployments.ActiveIdAsync(bobProject.Id, Ct));
        Assert.Empty(await host.AuditLog.ListAsync(bob, new AuditQuery(Actions: [AuditActions.DeploymentActivated]), Ct));
    }

    [Fact]
    public async Task ActivateAsync_Admin_MayRollBackAnyProject()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var ann = await host.CreateUserAsync("ann");
        var project = await host.Projects.CreateAsync(ann, "site", null, Ct);
        var first = await host.Deployments.DeployAsync(ann, project.Id, Answering("one"), Ct);
        await host.Deployments.DeployAsync(ann, project.Id, Answering("two"), Ct);

        // Act
        await host.Deployments.ActivateAsync(host.Admin, project.Id, first.Id, Ct);

        // Assert
        Assert.Equal(first.Id, await host.Deployments.ActiveIdAsync(project.Id, Ct));
    }
}
