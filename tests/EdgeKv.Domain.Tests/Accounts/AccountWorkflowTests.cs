using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.Accounts;

public sealed class AccountWorkflowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetMyAccountAsync_NeverApplied_ShowsNotAppliedWithDefaultQuota()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");

        // Act
        var account = await host.Accounts.GetMyAccountAsync(user, Ct);

        // Assert
        Assert.Null(account.AccountId);
        Assert.Equal(KvAccountStatus.NotApplied, account.Status);
        Assert.Equal(100L * 1024 * 1024, account.CapacityBytes);
        Assert.Equal(10, account.MaxNamespaces);
        Assert.Equal("ann@example.test", account.UserEmail);
    }

    [Fact]
    public async Task ApplyAsync_NewUser_PendingWithReasonAndListedForAdmins()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");

        // Act
        var account = await host.Accounts.ApplyAsync(user, "  counter for my blog  ", Ct);

        // Assert
        Assert.Equal(KvAccountStatus.Pending, account.Status);
        Assert.Equal("counter for my blog", account.ApplicationReason);
        Assert.NotNull(account.AppliedAt);
        var applications = await host.Accounts.ListApplicationsAsync(host.Admin, Ct);
        Assert.Equal(account.AccountId, Assert.Single(applications).AccountId);
    }

    [Fact]
    public async Task ApplyAsync_WhilePending_RefusedAndUnchanged()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");
        await host.Accounts.ApplyAsync(user, "first", Ct);

        // Act
        await DomainAssert.RefusedAsync(DomainErrors.AlreadyPending, () => host.Accounts.ApplyAsync(user, "second", Ct));

        // Assert
        Assert.Equal("first", (await host.Accounts.GetMyAccountAsync(user, Ct)).ApplicationReason);
    }

    [Fact]
    public async Task ApplyAsync_ReasonTooLong_RefusedAndNothingCreated()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");

        // Act
        var error = await DomainAssert.RefusedAsync(
            DomainErrors.ReasonTooLong,
            () => host.Accounts.ApplyAsync(user, new string('x', DomainValidation.MaxReasonLength + 1), Ct));

        // Assert
        Assert.Equal("The reason may be at most 500 characters.", error.Message);
        Assert.Equal(KvAccountStatus.NotApplied, (await host.Accounts.GetMyAccountAsync(user, Ct)).Status);
    }

    [Fact]
    public async Task ApproveAsync_Pending_OpensAccountAndSetsEngineBudget()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");
        var applied = await host.Accounts.ApplyAsync(user, null, Ct);

        // Act
        var approved = await host.Accounts.ApproveAsync(host.Admin, applied.AccountId!.Value, "welcome", Ct);

        // Assert
        Assert.Equal(KvAccountStatus.Approved, approved.Status);
        Assert.True(approved.IsOpen);
        Assert.Equal("welcome", approved.DecisionReason);
        var budget = await host.Registry.GetBudgetUsageAsync(KvAccount.BudgetGroupOf(applied.AccountId.Value), Ct);
        Assert.Equal(KvAccount.DefaultCapacityBytes, budget.LimitBytes);
        Assert.Empty(await host.Accounts.ListApplicationsAsync(host.Admin, Ct));
    }

    [Fact]
    public async Task RejectAsync_Pending_RejectedWithReasonAndUserMayApplyAgain()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");
        var applied = await host.Accounts.ApplyAsync(user, null, Ct);

        // Act
        var rejected = await host.Accounts.RejectAsync(host.Admin, applied.AccountId!.Value, "no places this month", Ct);
        var reapplied = await host.Accounts.ApplyAsync(user, "trying again", Ct);

        // Assert
        Assert.Equal(KvAccountStatus.Rejected, rejected.Status);
        Assert.Equal("no places this month", rejected.DecisionReason);
        Assert.Equal(KvAccountStatus.Pending, reapplied.Status);
        Assert.Equal(applied.AccountId, reapplied.AccountId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task RejectAsync_NoReason_RefusedAndStaysPending(string? reason)
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");
        var applied = await host.Accounts.ApplyAsync(user, null, Ct);

        // Act
        await DomainAssert.RefusedAsync(DomainErrors.ReasonRequired, () => host.Accounts.RejectAsync(host.Admin, applied.AccountId!.Value, reason!, Ct));

        // Assert
        Assert.Equal(KvAccountStatus.Pending, (await host.Accounts.GetMyAccountAsync(user, Ct)).Status);
    }

    [Fact]
    public async Task ApproveAsync_Rejected_RefusedAsNotPending()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");
        var applied = await host.Accounts.ApplyAsync(user, null, Ct);
        await host.Accounts.RejectAsync(host.Admin, applied.AccountId!.Value, "no", Ct);

        // Act
        await DomainAssert.RefusedAsync(DomainErrors.NotPending, () => host.Accounts.ApproveAsync(host.Admin, applied.AccountId.Value, null, Ct));

        // Assert
        Assert.Equal(KvAccountStatus.Rejected, (await host.Accounts.GetMyAccountAsync(user, Ct)).Status);
    }

    [Fact]
    public async Task ApplyAsync_WhileApproved_Refused()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, _) = await host.CreateOpenUserAsync("ann");

        // Act
        var error = await DomainAssert.RefusedAsync(DomainErrors.AlreadyOpen, () => host.Accounts.ApplyAsync(user, null, Ct));

        // Assert
        Assert.Equal("The KV account is already open.", error.Message);
    }

    [Fact]
    public async Task SuspendAsync_Approved_SuspendedAndOwnerWritesRefused()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");
        await host.Records.PutAsync(user, ns.Id, "kept", "value", cancellationToken: Ct);
        var accountId = ns.AccountId;

        // Act
        var suspended = await host.Accounts.SuspendAsync(host.Admin, accountId, "abuse report", Ct);

        // Assert
        Assert.Equal(KvAccountStatus.Suspended, suspended.Status);
        await DomainAssert.RefusedAsync(DomainErrors.AccountSuspended, () => host.Records.PutAsync(user, ns.Id, "new", "value", cancellationToken: Ct));
        await DomainAssert.RefusedAsync(DomainErrors.AccountSuspended, () => host.Namespaces.CreateAsync(user, "second", null, Ct));
        Assert.Equal("value", (await host.Records.GetAsync(user, ns.Id, "kept", Ct))!.Value.AsText());
        Assert.Null(await host.Records.GetAsync(user, ns.Id, "new", Ct));
    }

    [Fact]
    public async Task SuspendAsync_Pending_RefusedAsNotApproved()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");
        var applied = await host.Accounts.ApplyAsync(user, null, Ct);

        // Act
        await DomainAssert.RefusedAsync(DomainErrors.NotApproved, () => host.Accounts.SuspendAsync(host.Admin, applied.AccountId!.Value, "why", Ct));

        // Assert
        Assert.Equal(KvAccountStatus.Pending, (await host.Accounts.GetMyAccountAsync(user, Ct)).Status);
    }

    [Fact]
    public async Task ReinstateAsync_Suspended_OpenAgainAndWritesAccepted()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");
        await host.Accounts.SuspendAsync(host.Admin, ns.AccountId, "check", Ct);

        // Act
        var reinstated = await host.Accounts.ReinstateAsync(host.Admin, ns.AccountId, "resolved", Ct);

        // Assert
        Assert.Equal(KvAccountStatus.Approved, reinstated.Status);
        await host.Records.PutAsync(user, ns.Id, "after", "ok", cancellationToken: Ct);
        Assert.Equal("ok", (await host.Records.GetAsync(user, ns.Id, "after", Ct))!.Value.AsText());
    }

    [Fact]
    public async Task ReinstateAsync_Approved_RefusedAsNotSuspended()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (_, accountId) = await host.CreateOpenUserAsync("ann");

        // Act
        var error = await DomainAssert.RefusedAsync(DomainErrors.NotSuspended, () => host.Accounts.ReinstateAsync(host.Admin, accountId, null, Ct));

        // Assert
        Assert.Equal("Only a suspended account can be reinstated.", error.Message);
    }

    [Fact]
    public async Task ApproveAsync_UnknownAccount_RefusedAsNotFound()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();

        // Act
        var error = await DomainAssert.RefusedAsync(DomainErrors.AccountNotFound, () => host.Accounts.ApproveAsync(host.Admin, 4242, null, Ct));

        // Assert
        Assert.Equal("KV account not found.", error.Message);
    }

    [Fact]
    public async Task CreateAsync_NamespaceBeforeApproval_RefusedAsNotOpen()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");
        await host.Accounts.ApplyAsync(user, null, Ct);

        // Act
        var error = await DomainAssert.RefusedAsync(DomainErrors.AccountNotOpen, () => host.Namespaces.CreateAsync(user, "early", null, Ct));

        // Assert
        Assert.Equal("Your KV account is not open yet: apply and wait for approval.", error.Message);
        Assert.Empty(await host.Namespaces.ListAsync(user, null, Ct));
    }
}
