using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.Accounts;

public class AccountApplicationTests
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
