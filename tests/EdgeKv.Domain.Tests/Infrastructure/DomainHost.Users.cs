using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Identity;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Domain.Projects;

namespace EdgeKv.Domain.Tests.Infrastructure;

internal sealed partial class DomainHost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Registers a user (role User) and returns them as a caller.</summary>
    public async Task<Caller> CreateUserAsync(string name)
    {
        var email = $"{name}@example.test";
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = name, CreatedAt = DateTime.UtcNow };
        var result = await Users.CreateAsync(user, "Passw0rd!");
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        Assert.True((await Users.AddToRoleAsync(user, EdgeKvRoles.User)).Succeeded);
        return new Caller(user.Id, IsAdmin: false);
    }

    /// <summary>A user whose KV account was applied for and approved by the admin.</summary>
    public async Task<(Caller User, int AccountId)> CreateOpenUserAsync(string name)
    {
        var user = await CreateUserAsync(name);
        var account = await Accounts.ApplyAsync(user, "for tests", Ct);
        await Accounts.ApproveAsync(Admin, account.AccountId!.Value, null, Ct);
        return (user, account.AccountId.Value);
    }

    /// <summary>An open user with one namespace.</summary>
    public async Task<(Caller User, NamespaceView Namespace)> CreateUserWithNamespaceAsync(string name, string namespaceName = "main")
    {
        var (user, _) = await CreateOpenUserAsync(name);
        return (user, await Namespaces.CreateAsync(user, namespaceName, null, Ct));
    }

    /// <summary>An open user with one namespace and one project.</summary>
    public async Task<(Caller User, NamespaceView Namespace, ProjectView Project)> CreateUserWithNamespaceAndProjectAsync(string name)
    {
        var (user, ns) = await CreateUserWithNamespaceAsync(name);
        return (user, ns, await Projects.CreateAsync(user, $"{name}-site", null, Ct));
    }
}
