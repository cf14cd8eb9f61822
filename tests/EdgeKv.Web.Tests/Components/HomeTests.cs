using EdgeKv.Web.Components.Pages;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Components;

public sealed class HomeTests : ConsoleComponentContext
{
    private readonly Bunit.TestDoubles.BunitAuthorizationContext _authorization;

    public HomeTests() => _authorization = AddAuthorization();

    [Fact]
    public void Render_InChinese_ShowsEdgeOneWording()
    {
        using var culture = new CultureScope("zh-Hans");

        var page = Render<Home>();

        Assert.Equal("边缘 KV 存储", page.Find("h1").TextContent);
        Assert.Contains("进入 KV 存储", page.Find("#open-kv").TextContent);
        Assert.Equal(["计数器", "密钥库", "购物车"], page.FindAll("h2").Select(h => h.TextContent));
        Assert.Equal("注册", page.Find("#home-register").TextContent);
    }

    [Fact]
    public void Render_SignedIn_OffersNoRegistration()
    {
        using var culture = new CultureScope("zh-Hans");
        _authorization.SetAuthorized("someone@example.com");

        var page = Render<Home>();

        Assert.Empty(page.FindAll("#home-register"));
    }

    [Fact]
    public void Render_InEnglish_ShowsEnglishText()
    {
        using var culture = new CultureScope("en");

        var page = Render<Home>();

        Assert.Equal("Edge KV storage", page.Find("h1").TextContent);
        Assert.Equal(["Counter", "Secret store", "Shopping cart"], page.FindAll("h2").Select(h => h.TextContent));
    }
}
