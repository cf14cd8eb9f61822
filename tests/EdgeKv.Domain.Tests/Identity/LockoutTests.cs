using EdgeKv.Domain.Identity;
using EdgeKv.Domain.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace EdgeKv.Domain.Tests.Identity;

/// <summary>
/// Accounts are never locked by failed sign-ins: counted per account, anyone's failures would lock its owner out.
/// Guessing is throttled per client address by the web host (its sign-in rate limit) instead.
/// </summary>
public sealed class LockoutTests
{
    [Fact]
    public async Task CheckPasswordSignInAsync_TwentyWrongPasswords_RightOneStillSignsIn()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var caller = await host.CreateUserAsync("ann");
        var signIn = host.Get<SignInManager<ApplicationUser>>();
        var user = (await host.Users.FindByIdAsync(caller.UserId))!;
        for (var i = 0; i < 20; i++)
        {
            Assert.False((await signIn.CheckPasswordSignInAsync(user, "wrong", lockoutOnFailure: true)).IsLockedOut);
        }

        // Act
        var right = await signIn.CheckPasswordSignInAsync(user, "Passw0rd!", lockoutOnFailure: true);

        // Assert
        Assert.True(right.Succeeded);
    }

    [Fact]
    public async Task CheckPasswordSignInAsync_SeededAdminAfterTwentyWrongPasswords_StillSignsIn()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var signIn = host.Get<SignInManager<ApplicationUser>>();
        var admin = (await host.Users.FindByIdAsync(host.Admin.UserId))!;
        for (var i = 0; i < 20; i++)
        {
            await signIn.CheckPasswordSignInAsync(admin, "wrong", lockoutOnFailure: true);
        }

        // Act
        var right = await signIn.CheckPasswordSignInAsync(admin, DomainHost.AdminPassword, lockoutOnFailure: true);

        // Assert
        Assert.True(right.Succeeded);
    }
}
