using EdgeKv.Domain.Identity;
using EdgeKv.Web.Account;
using EdgeKv.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Web.Tests.Hosting;

/// <summary>A circuit keeps its user only while the user exists and has not had its security stamp changed.</summary>
public sealed class RevalidationTests(ConsoleApplication app) : IClassFixture<ConsoleApplication>
{
    [Fact]
    public async Task IsCurrent_UnchangedUser_IsTrue()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (_, principal) = await SignedInUserAsync(scope.ServiceProvider, "current@example.com");

        Assert.True(await Provider(scope.ServiceProvider).IsCurrentAsync(principal));
    }

    [Fact]
    public async Task IsCurrent_AfterSecurityStampChange_IsFalse()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (user, principal) = await SignedInUserAsync(scope.ServiceProvider, "stamped@example.com");

        await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().UpdateSecurityStampAsync(user);

        Assert.False(await Provider(scope.ServiceProvider).IsCurrentAsync(principal));
    }

    [Fact]
    public async Task IsCurrent_DeletedUser_IsFalse()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (user, principal) = await SignedInUserAsync(scope.ServiceProvider, "deleted@example.com");

        await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().DeleteAsync(user);

        Assert.False(await Provider(scope.ServiceProvider).IsCurrentAsync(principal));
    }

    private static IdentityRevalidatingAuthenticationStateProvider Provider(IServiceProvider services) =>
        Assert.IsType<IdentityRevalidatingAuthenticationStateProvider>(services.GetRequiredService<AuthenticationStateProvider>());

    private static async Task<(ApplicationUser User, System.Security.Claims.ClaimsPrincipal Principal)> SignedInUserAsync(IServiceProvider services, string email)
    {
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, ConsoleClient.UserPassword)).Succeeded);
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
        return (user, principal);
    }
}
