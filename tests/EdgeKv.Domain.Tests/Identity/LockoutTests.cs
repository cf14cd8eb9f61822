using EdgeKv.Domain.Identity;
using EdgeKv.Domain.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace EdgeKv.Domain.Tests.Identity;

public sealed class LockoutTests
{
    [Fact]
    public async Task CheckPasswordSignInAsync_FiveWrongPasswords_LockedOutEvenWithTheRightOne()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var caller = await host.CreateUserAsync("ann");
        var signIn = host.Get<SignInManager<ApplicationUser>>();
        var user = (await host.Users.FindByIdAsync(caller.UserId))!;
        for (var i = 0; i < 4; i++)
        {
            Assert.False((await signIn.CheckPasswordSignInAsync(user, "wrong", lockoutOnFailure: true)).IsLockedOut);
        }

        // Act
        var fifth = await signIn.CheckPasswordSignInAsync(user, "wrong", lockoutOnFailure: true);
        var right = await signIn.CheckPasswordSignInAsync(user, "Passw0rd!", lockoutOnFailure: true);

        // Assert
        Assert.True(fifth.IsLockedOut);
        Assert.True(right.IsLockedOut);
        Assert.False(right.Succeeded);
    }
}
