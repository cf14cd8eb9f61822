using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Identity;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Domain.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.E2E.Tests.Infrastructure;

/// <summary>Creates a user's namespace and token through the running host's domain services, as the console does.</summary>
public static class TokenActions
{
    /// <summary>A new approved user with one namespace and a read-write token over it.</summary>
    public static async Task<(NamespaceView Namespace, CreatedAccessToken Token)> OpenNamespaceWithTokenAsync(IServiceProvider services, string email)
    {
        var (caller, ns) = await OpenNamespaceAsync(services, email);
        await using var scope = services.CreateAsyncScope();
        var token = await scope.ServiceProvider.GetRequiredService<AccessTokenService>().CreateAsync(
            caller, new NewAccessToken("program", [ns.Id], AccessTokenPermission.ReadWrite));
        return (ns, token);
    }

    /// <summary>A new approved user (password <see cref="ConsoleUser.Password"/>) with one namespace, <c>main</c>.</summary>
    public static async Task<(Caller User, NamespaceView Namespace)> OpenNamespaceAsync(IServiceProvider services, string email)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var user = new ApplicationUser { UserName = email, Email = email, DisplayName = email, CreatedAt = DateTime.UtcNow };
            var created = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(user, ConsoleUser.Password);
            Assert.True(created.Succeeded);
        }

        await DomainActions.ApproveAsync(services, email);
        await using var work = services.CreateAsyncScope();
        var users = work.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var caller = new Caller((await users.FindByEmailAsync(email))!.Id, IsAdmin: false);
        var ns = await work.ServiceProvider.GetRequiredService<NamespaceService>().CreateAsync(caller, "main", null);
        return (caller, ns);
    }
}
