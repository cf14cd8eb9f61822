using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.Accounts;

public class AccountDecisionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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
    public async Task ApproveAsync_UnknownAccount_RefusedAsNotFound()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();

        // Act
        var error = await DomainAssert.RefusedAsync(DomainErrors.AccountNotFound, () => host.Accounts.ApproveAsync(host.Admin, 4242, null, Ct));

        // Assert
        Assert.Equal("KV account not found.", error.Message);
    }
}
