using EdgeKv.Domain.Identity;
using EdgeKv.Web.Components.Layout;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Shell;

public sealed class NavMenuTests : ConsoleComponentContext
{
    private readonly Bunit.TestDoubles.BunitAuthorizationContext _authorization;

    public NavMenuTests() => _authorization = AddAuthorization();

    [Fact]
    public void Render_User_ShowsTheDevelopSectionOnly()
    {
        using var culture = new CultureScope("zh-Hans");
        _authorization.SetAuthorized("a@example.com");
        _authorization.SetRoles(EdgeKvRoles.User);

        var nav = Render<NavMenu>();

        Assert.Equal(["开发"], nav.FindAll(".nav-section").Select(s => s.TextContent));
        Assert.Equal(["KV 存储", "项目", "访问令牌"], nav.FindAll("a.mud-nav-link").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public void Render_Admin_AddsThePlatformSection()
    {
        using var culture = new CultureScope("en");
        _authorization.SetAuthorized("admin@edgekv.local");
        _authorization.SetRoles(EdgeKvRoles.Admin);

        var nav = Render<NavMenu>();

        Assert.Equal(2, nav.FindAll(".nav-section").Count);
        Assert.Equal(
            ["kv", "projects", "tokens", "admin/applications", "admin/accounts", "admin/settings", "admin/usage", "admin/nodes", "admin/audit", "admin/tokens"],
            nav.FindAll("a.mud-nav-link").Select(a => a.GetAttribute("href")));
    }
}
