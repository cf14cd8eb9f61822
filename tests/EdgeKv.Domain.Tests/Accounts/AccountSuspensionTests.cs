using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.Accounts;

public sealed class AccountSuspensionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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
}
