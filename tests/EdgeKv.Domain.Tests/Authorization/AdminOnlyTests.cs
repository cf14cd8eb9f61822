using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.Authorization;

/// <summary>Every admin-only operation refuses a user, even on the user's own account, and changes nothing.</summary>
public sealed class AdminOnlyTests
{
    private static readonly Dictionary<string, Func<DomainHost, Caller, int, Task>> Operations = new()
    {
        ["approve"] = (h, u, id) => h.Accounts.ApproveAsync(u, id, null, Ct),
        ["reject"] = (h, u, id) => h.Accounts.RejectAsync(u, id, "no", Ct),
        ["suspend"] = (h, u, id) => h.Accounts.SuspendAsync(u, id, "no", Ct),
        ["reinstate"] = (h, u, id) => h.Accounts.ReinstateAsync(u, id, null, Ct),
        ["set quota"] = (h, u, id) => h.Accounts.SetQuotaAsync(u, id, long.MaxValue, 1000, Ct),
        ["set places"] = (h, u, _) => h.Accounts.SetMaxApprovedAccountsAsync(u, 1, Ct),
        ["list applications"] = (h, u, _) => h.Accounts.ListApplicationsAsync(u, Ct),
        ["list accounts"] = (h, u, _) => h.Accounts.ListAccountsAsync(u, null, Ct),
    };

    public static TheoryData<string> OperationNames => [.. Operations.Keys];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(OperationNames))]
    public async Task Operation_CalledByUser_RefusedAsAdminOnly(string operation)
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");
        var applied = await host.Accounts.ApplyAsync(user, null, Ct);

        // Act
        var error = await DomainAssert.RefusedAsync(DomainErrors.AdminOnly, () => Operations[operation](host, user, applied.AccountId!.Value));

        // Assert
        Assert.Equal("Only administrators can do this.", error.Message);
        var account = await host.Accounts.GetMyAccountAsync(user, Ct);
        Assert.Equal(KvAccountStatus.Pending, account.Status);
        Assert.Equal(KvAccount.DefaultCapacityBytes, account.CapacityBytes);
        Assert.Null((await host.Accounts.GetPlacesAsync(user, Ct)).MaxApprovedAccounts);
    }
}
