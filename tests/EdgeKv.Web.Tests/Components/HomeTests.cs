using EdgeKv.Web.Components.Pages;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Components;

public sealed class HomeTests : ConsoleComponentContext
{
    [Fact]
    public void Render_InChinese_ShowsEdgeOneWording()
    {
        using var culture = new CultureScope("zh-Hans");

        var page = Render<Home>();

        Assert.Equal("边缘 KV 存储", page.Find("h1").TextContent);
        Assert.Contains("进入 KV 存储", page.Find("#open-kv").TextContent);
        Assert.Equal(["计数器", "密钥库", "购物车"], page.FindAll("h2").Select(h => h.TextContent));
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
