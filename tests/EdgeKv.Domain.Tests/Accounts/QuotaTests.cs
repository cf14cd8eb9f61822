using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.Accounts;

public class QuotaTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SetQuotaAsync_NewValues_SavedAndCapacityAppliedToEngine()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (_, accountId) = await host.CreateOpenUserAsync("ann");

        // Act
        var account = await host.Accounts.SetQuotaAsync(host.Admin, accountId, 4096, 3, Ct);

        // Assert
        Assert.Equal(4096, account.CapacityBytes);
        Assert.Equal(3, account.MaxNamespaces);
        Assert.Equal(4096, (await host.Registry.GetBudgetUsageAsync(KvAccount.BudgetGroupOf(accountId), Ct)).LimitBytes);
    }

    [Theory]
    [InlineData(0, 10, "account.invalid_capacity")]
    [InlineData(-5, 10, "account.invalid_capacity")]
    [InlineData(1024, 0, "account.invalid_max_namespaces")]
    [InlineData(1024, 1001, "account.invalid_max_namespaces")]
    public async Task SetQuotaAsync_OutOfRange_RefusedAndUnchanged(long capacity, int maxNamespaces, string code)
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, accountId) = await host.CreateOpenUserAsync("ann");

        // Act
        var error = await Assert.ThrowsAsync<DomainException>(() => host.Accounts.SetQuotaAsync(host.Admin, accountId, capacity, maxNamespaces, Ct));

        // Assert
        Assert.Equal(code, error.Code);
        var account = await host.Accounts.GetMyAccountAsync(user, Ct);
        Assert.Equal(KvAccount.DefaultCapacityBytes, account.CapacityBytes);
        Assert.Equal(KvAccount.DefaultMaxNamespaces, account.MaxNamespaces);
    }

    [Fact]
    public async Task SetQuotaAsync_MaxNamespacesOverCeiling_MessageNamesTheCeiling()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (_, accountId) = await host.CreateOpenUserAsync("ann");

        // Act
        var error = await DomainAssert.RefusedAsync(DomainErrors.InvalidMaxNamespaces, () => host.Accounts.SetQuotaAsync(host.Admin, accountId, 1024, 5000, Ct));

        // Assert
        Assert.Equal("The namespace limit must be between 1 and 1000.", error.Message);
    }

    [Fact]
    public async Task PutAsync_OverCapacity_RefusedByEngineAndNothingWritten()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");
        await host.Accounts.SetQuotaAsync(host.Admin, ns.AccountId, 1000, 10, Ct);
        await host.Records.PutAsync(user, ns.Id, "small", new string('a', 100), cancellationToken: Ct);

        // Act
        var error = await DomainAssert.RefusedAsync(
            DomainErrors.QuotaExceeded,
            () => host.Records.PutAsync(user, ns.Id, "big", new string('b', 2000), cancellationToken: Ct));

        // Assert
        Assert.Equal(Core.KvErrors.QuotaExceeded(1000), error.Message);
        Assert.Null(await host.Records.GetAsync(user, ns.Id, "big", Ct));
        var listed = await host.Namespaces.GetAsync(user, ns.Id, Ct);
        Assert.Equal(1, listed.KeyCount);
    }

    [Fact]
    public async Task PutAsync_CapacityCountsAllNamespacesOfTheAccount_SecondNamespaceRefused()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, first) = await host.CreateUserWithNamespaceAsync("ann");
        var second = await host.Namespaces.CreateAsync(user, "second", null, Ct);
        await host.Accounts.SetQuotaAsync(host.Admin, first.AccountId, 1500, 10, Ct);
        await host.Records.PutAsync(user, first.Id, "a", new string('a', 1000), cancellationToken: Ct);

        // Act
        await DomainAssert.RefusedAsync(
            DomainErrors.QuotaExceeded,
            () => host.Records.PutAsync(user, second.Id, "b", new string('b', 1000), cancellationToken: Ct));

        // Assert
        Assert.Null(await host.Records.GetAsync(user, second.Id, "b", Ct));
    }
}
