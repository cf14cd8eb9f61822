using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Events;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.Events;

public sealed class DomainEventTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Services_WholeWorkflow_RaiseOneEventPerChangeInOrder()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");
        using var subscription = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        subscription.CancelAfter(TimeSpan.FromSeconds(30));
        await using var events = host.Events.Subscribe(subscription.Token).GetAsyncEnumerator(subscription.Token);

        // Act
        var accountId = (await host.Accounts.ApplyAsync(user, null, Ct)).AccountId!.Value;
        await host.Accounts.RejectAsync(host.Admin, accountId, "no", Ct);
        await host.Accounts.ApplyAsync(user, null, Ct);
        await host.Accounts.ApproveAsync(host.Admin, accountId, null, Ct);
        var ns = await host.Namespaces.CreateAsync(user, "main", null, Ct);
        var project = await host.Projects.CreateAsync(user, "site", null, Ct);
        var binding = await host.Bindings.BindAsync(user, ns.Id, project.Id, "kv", Ct);
        await host.Bindings.UnbindAsync(user, binding.Id, Ct);
        await host.Namespaces.RenameAsync(user, ns.Id, "renamed", Ct);
        await host.Namespaces.DeleteAsync(user, ns.Id, Ct);
        await host.Accounts.SuspendAsync(host.Admin, accountId, "check", Ct);
        await host.Accounts.ReinstateAsync(host.Admin, accountId, null, Ct);

        // Assert
        var expected = new[]
        {
            DomainEventKind.AccountApplied, DomainEventKind.AccountRejected, DomainEventKind.AccountApplied,
            DomainEventKind.AccountApproved, DomainEventKind.NamespaceCreated, DomainEventKind.ProjectChanged,
            DomainEventKind.BindingChanged, DomainEventKind.BindingChanged, DomainEventKind.NamespaceRenamed,
            DomainEventKind.NamespaceDeleted, DomainEventKind.AccountSuspended, DomainEventKind.AccountReinstated,
        };
        var received = new List<DomainEvent>();
        while (received.Count < expected.Length && await events.MoveNextAsync())
        {
            received.Add(events.Current);
        }

        Assert.Equal(expected, received.Select(e => e.Kind));
        Assert.All(received, e => Assert.Equal(user.UserId, e.OwnerUserId));
        Assert.Equal(host.Admin.UserId, received[1].ActorUserId);
        Assert.Equal(ns.Id, received[4].NamespaceId);
        Assert.Equal((ns.Id, project.Id), (received[6].NamespaceId!.Value, received[6].ProjectId!.Value));
    }

    [Fact]
    public async Task DeleteAsync_NamespaceWithBindings_RaisesDeletedAndBindingChanged()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns, project) = await host.CreateUserWithNamespaceAndProjectAsync("ann");
        await host.Bindings.BindAsync(user, ns.Id, project.Id, "kv", Ct);
        using var subscription = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        subscription.CancelAfter(TimeSpan.FromSeconds(30));
        await using var events = host.Events.Subscribe(subscription.Token).GetAsyncEnumerator(subscription.Token);

        // Act
        await host.Namespaces.DeleteAsync(user, ns.Id, Ct);

        // Assert
        Assert.True(await events.MoveNextAsync());
        Assert.Equal(DomainEventKind.NamespaceDeleted, events.Current.Kind);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal(DomainEventKind.BindingChanged, events.Current.Kind);
    }

    [Fact]
    public async Task Subscribe_RefusedOperation_RaisesNothing()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");
        using var subscription = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        subscription.CancelAfter(TimeSpan.FromSeconds(30));
        await using var events = host.Events.Subscribe(subscription.Token).GetAsyncEnumerator(subscription.Token);

        // Act
        await Assert.ThrowsAsync<DomainException>(() => host.Namespaces.CreateAsync(user, "early", null, Ct));
        await host.Accounts.ApplyAsync(user, null, Ct);

        // Assert: the first event is the application, not anything from the refused create.
        Assert.True(await events.MoveNextAsync());
        Assert.Equal(DomainEventKind.AccountApplied, events.Current.Kind);
    }
}
