using System.Security.Claims;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Identity;

namespace EdgeKv.Domain.Tests.Authorization;

public sealed class CallerTests
{
    [Fact]
    public void FromPrincipal_SignedInAdmin_CarriesIdAndAdminRole()
    {
        // Arrange
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "user-1"), new Claim(ClaimTypes.Role, EdgeKvRoles.Admin)],
            authenticationType: "Identity.Application");

        // Act
        var caller = Caller.FromPrincipal(new ClaimsPrincipal(identity));

        // Assert
        Assert.Equal(new Caller("user-1", IsAdmin: true), caller);
    }

    [Fact]
    public void FromPrincipal_SignedInUser_IsNotAdmin()
    {
        // Arrange
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "user-2"), new Claim(ClaimTypes.Role, EdgeKvRoles.User)],
            authenticationType: "Identity.Application");

        // Act
        var caller = Caller.FromPrincipal(new ClaimsPrincipal(identity));

        // Assert
        Assert.False(caller.IsAdmin);
    }

    [Fact]
    public void FromPrincipal_Anonymous_RefusedAsNotSignedIn()
    {
        // Arrange
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "user-3")]));

        // Act
        var error = Assert.Throws<DomainException>(() => Caller.FromPrincipal(anonymous));

        // Assert
        Assert.Equal(DomainErrors.NotSignedIn.Code, error.Code);
    }
}
