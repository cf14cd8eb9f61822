using EdgeKv.Web.Components.Pages;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Shell;

public sealed class NotFoundTests : ConsoleComponentContext
{
    [Theory]
    [InlineData("zh-Hans", "页面不存在", "返回 KV 存储")]
    [InlineData("en", "Page not found", "Go to KV storage")]
    public void Render_InEachLanguage_SaysSoAndLeadsBack(string culture, string title, string back)
    {
        using var scope = new CultureScope(culture);

        var page = Render<NotFound>();

        Assert.Equal(title, page.Find("h1").TextContent);
        Assert.Contains(back, page.Find("#not-found-home").TextContent);
        Assert.Equal("kv", page.Find("#not-found-home").GetAttribute("href"));
    }
}
