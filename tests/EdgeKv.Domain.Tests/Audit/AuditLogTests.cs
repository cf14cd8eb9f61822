using System.Globalization;
using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.Audit;

public sealed class AuditLogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAsync_AfterWholeWorkflow_EveryTransitionRecordedWithActorAndReason()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");
        var accountId = (await host.Accounts.ApplyAsync(user, "please", Ct)).AccountId!.Value;
        await host.Accounts.RejectAsync(host.Admin, accountId, "incomplete", Ct);
        await host.Accounts.ApplyAsync(user, "again", Ct);
        await host.Accounts.ApproveAsync(host.Admin, accountId, "ok", Ct);
        await host.Accounts.SuspendAsync(host.Admin, accountId, "abuse", Ct);
        await host.Accounts.ReinstateAsync(host.Admin, accountId, "resolved", Ct);

        // Act
        var entries = await host.AuditLog.ListAsync(
            host.Admin,
            new AuditQuery(AuditTargets.Account, accountId.ToString(CultureInfo.InvariantCulture)),
            Ct);

        // Assert (newest first)
        Assert.Equal(
            [
                (AuditActions.AccountReinstated, host.Admin.UserId, "resolved"),
                (AuditActions.AccountSuspended, host.Admin.UserId, "abuse"),
                (AuditActions.AccountApproved, host.Admin.UserId, "ok"),
                (AuditActions.AccountApplied, user.UserId, "again"),
                (AuditActions.AccountRejected, host.Admin.UserId, "incomplete"),
                (AuditActions.AccountApplied, user.UserId, "please"),
            ],
            entries.Select(e => (e.Action, e.ActorUserId, e.Reason!)));
        Assert.All(entries, e => Assert.Equal(user.UserId, e.OwnerUserId));
        Assert.All(entries, e => Assert.Equal(DateTimeKind.Utc, e.Timestamp.Kind));
    }

    [Fact]
    public async Task ListAsync_NamespaceAndBindingChanges_Recorded()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns, project) = await host.CreateUserWithNamespaceAndProjectAsync("ann");
        await host.Bindings.BindAsync(user, ns.Id, project.Id, "kv", Ct);
        await host.Namespaces.RenameAsync(user, ns.Id, "renamed", Ct);
        await host.Namespaces.DeleteAsync(user, ns.Id, Ct);

        // Act
        var actions = (await host.AuditLog.ListAsync(user, new AuditQuery(), Ct)).Select(e => e.Action).ToList();

        // Assert
        Assert.Equal(
            [
                AuditActions.NamespaceDeleted,
                AuditActions.BindingDeleted,
                AuditActions.NamespaceRenamed,
                AuditActions.BindingCreated,
                AuditActions.ProjectCreated,
                AuditActions.NamespaceCreated,
                AuditActions.AccountApproved,
                AuditActions.AccountApplied,
            ],
            actions);
    }

    [Fact]
    public async Task ListAsync_User_SeesOnlyEntriesAboutTheirOwnResources()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, _) = await host.CreateUserWithNamespaceAsync("ann");
        var (bob, _) = await host.CreateUserWithNamespaceAsync("bob");
        await host.Accounts.SetMaxApprovedAccountsAsync(host.Admin, 10, Ct);

        // Act
        var asAnn = await host.AuditLog.ListAsync(ann, new AuditQuery(OwnerUserId: bob.UserId), Ct);
        var asAdmin = await host.AuditLog.ListAsync(host.Admin, new AuditQuery(), Ct);

        // Assert
        Assert.NotEmpty(asAnn);
        Assert.All(asAnn, e => Assert.Equal(ann.UserId, e.OwnerUserId));
        Assert.Contains(asAdmin, e => e.OwnerUserId == bob.UserId);
        Assert.Contains(asAdmin, e => e.Action == AuditActions.PlacesChanged && e.Reason == "places unlimited → 10");
    }
}
