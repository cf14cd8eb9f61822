using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Identity;
using EdgeKv.Domain.Namespaces;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.E2E.Tests.Infrastructure;

/// <summary>
/// Set-up steps taken through the real domain services of the running host, for tests whose subject is a later step
/// (the steps themselves are covered through the browser in <c>KvFlowTests</c>).
/// </summary>
public static class DomainActions
{
    public static async Task ApproveAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var (admin, user) = await CallersAsync(scope.ServiceProvider, email);
        var accounts = scope.ServiceProvider.GetRequiredService<AccountApplicationService>();
        var account = await accounts.ApplyAsync(user, reason: null);
        await accounts.ApproveAsync(admin, account.AccountId!.Value);
    }

    public static async Task CreateNamespacesAsync(IServiceProvider services, string email, params string[] names)
    {
        await using var scope = services.CreateAsyncScope();
        var (_, user) = await CallersAsync(scope.ServiceProvider, email);
        var namespaces = scope.ServiceProvider.GetRequiredService<NamespaceService>();
        foreach (var name in names)
        {
            await namespaces.CreateAsync(user, name);
        }
    }

    private static async Task<(Caller Admin, Caller User)> CallersAsync(IServiceProvider services, string email)
    {
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = await users.FindByEmailAsync(ConsoleUser.AdminEmail) ?? throw new InvalidOperationException("No admin.");
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
        return (new Caller(admin.Id, IsAdmin: true), new Caller(user.Id, IsAdmin: false));
    }
}
