using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Namespaces;

namespace EdgeKv.Web.Tests.Infrastructure;

public abstract partial class ConsolePageContext
{
    /// <summary>A user whose KV account is open, signed in for the rendered components, with the given namespaces.</summary>
    protected async Task<(Caller User, IReadOnlyList<NamespaceView> Namespaces)> OpenUserAsync(string email, params string[] namespaces)
    {
        var user = await CreateUserAsync(email);
        var accounts = Get<AccountApplicationService>();
        var account = await accounts.ApplyAsync(user, null, TestContext.Current.CancellationToken);
        await accounts.ApproveAsync(Admin, account.AccountId!.Value, cancellationToken: TestContext.Current.CancellationToken);
        var created = new List<NamespaceView>();
        foreach (var name in namespaces)
        {
            created.Add(await Get<NamespaceService>().CreateAsync(user, name, cancellationToken: TestContext.Current.CancellationToken));
        }

        SignIn(user, email);
        return (user, created);
    }
}
