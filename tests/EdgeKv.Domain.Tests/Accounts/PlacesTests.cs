using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.Accounts;

public class PlacesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApproveAsync_AllPlacesTaken_RefusedWithMessageAndApplicationStaysPending()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        await host.Accounts.SetMaxApprovedAccountsAsync(host.Admin, 1, Ct);
        await host.CreateOpenUserAsync("first");
        var late = await host.CreateUserAsync("late");
        var application = await host.Accounts.ApplyAsync(late, null, Ct);

        // Act
        var error = await DomainAssert.RefusedAsync(
            DomainErrors.NoPlacesLeft,
            () => host.Accounts.ApproveAsync(host.Admin, application.AccountId!.Value, null, Ct));

        // Assert
        Assert.Equal("No places left: the platform is limited to 1 open accounts. The application stays pending.", error.Message);
        Assert.Equal(KvAccountStatus.Pending, (await host.Accounts.GetMyAccountAsync(late, Ct)).Status);
        Assert.True((await host.Accounts.GetPlacesAsync(late, Ct)).IsFull);
    }

    [Fact]
    public async Task ApproveAsync_AfterPlacesRaised_Approved()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        await host.Accounts.SetMaxApprovedAccountsAsync(host.Admin, 0, Ct);
        var user = await host.CreateUserAsync("ann");
        var application = await host.Accounts.ApplyAsync(user, null, Ct);
        await DomainAssert.RefusedAsync(DomainErrors.NoPlacesLeft, () => host.Accounts.ApproveAsync(host.Admin, application.AccountId!.Value, null, Ct));

        // Act
        var places = await host.Accounts.SetMaxApprovedAccountsAsync(host.Admin, null, Ct);
        var approved = await host.Accounts.ApproveAsync(host.Admin, application.AccountId!.Value, null, Ct);

        // Assert
        Assert.Null(places.MaxApprovedAccounts);
        Assert.Equal(KvAccountStatus.Approved, approved.Status);
    }

    [Fact]
    public async Task ApproveAsync_SuspendedAccountHoldsItsPlace_Refused()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (_, suspendedId) = await host.CreateOpenUserAsync("first");
        await host.Accounts.SuspendAsync(host.Admin, suspendedId, "check", Ct);
        await host.Accounts.SetMaxApprovedAccountsAsync(host.Admin, 1, Ct);
        var late = await host.CreateUserAsync("late");
        var application = await host.Accounts.ApplyAsync(late, null, Ct);

        // Act
        await DomainAssert.RefusedAsync(DomainErrors.NoPlacesLeft, () => host.Accounts.ApproveAsync(host.Admin, application.AccountId!.Value, null, Ct));
        var reinstated = await host.Accounts.ReinstateAsync(host.Admin, suspendedId, null, Ct);

        // Assert
        Assert.Equal(KvAccountStatus.Approved, reinstated.Status);
        Assert.Equal(1, (await host.Accounts.GetPlacesAsync(host.Admin, Ct)).TakenPlaces);
    }

    [Fact]
    public async Task SetMaxApprovedAccountsAsync_Negative_RefusedAndUnchanged()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        await host.Accounts.SetMaxApprovedAccountsAsync(host.Admin, 5, Ct);

        // Act
        await DomainAssert.RefusedAsync(DomainErrors.InvalidPlaces, () => host.Accounts.SetMaxApprovedAccountsAsync(host.Admin, -1, Ct));

        // Assert
        Assert.Equal(5, (await host.Accounts.GetPlacesAsync(host.Admin, Ct)).MaxApprovedAccounts);
    }
}
