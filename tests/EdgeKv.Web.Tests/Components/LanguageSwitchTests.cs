using EdgeKv.Web.Components.Layout;
using EdgeKv.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Web.Tests.Components;

public sealed class LanguageSwitchTests : ConsoleComponentContext
{
    [Fact]
    public void Render_InChinese_OffersEnglishAndReturnsToCurrentPage()
    {
        using var culture = new CultureScope("zh-Hans");
        Services.GetRequiredService<NavigationManager>().NavigateTo("kv/ns-1?tab=records");

        var link = Render<LanguageSwitch>().Find("#language-switch");

        Assert.Equal("English", link.TextContent.Trim().Replace("translate", "", StringComparison.Ordinal).Trim());
        Assert.Equal("culture/set?culture=en&returnUrl=%2Fkv%2Fns-1%3Ftab%3Drecords", link.GetAttribute("href"));
    }

    [Fact]
    public void Render_InEnglish_OffersChinese()
    {
        using var culture = new CultureScope("en");

        var link = Render<LanguageSwitch>().Find("#language-switch");

        Assert.Contains("简体中文", link.TextContent);
        Assert.StartsWith("culture/set?culture=zh-Hans&", link.GetAttribute("href"));
    }

    [Fact]
    public void Navigate_AfterRender_LinkFollowsTheNewPage()
    {
        using var culture = new CultureScope("en");
        var component = Render<LanguageSwitch>();

        Services.GetRequiredService<NavigationManager>().NavigateTo("projects");

        component.WaitForAssertion(() =>
            Assert.EndsWith("returnUrl=%2Fprojects", component.Find("#language-switch").GetAttribute("href")));
    }
}
