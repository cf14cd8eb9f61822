using EdgeKv.Web.Components.Layout;
using EdgeKv.Web.Tests.Infrastructure;
using EdgeKv.Web.Theming;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Web.Tests.Shell;

public sealed class ThemeSwitchTests : ConsoleComponentContext
{
    [Fact]
    public void Open_InChinese_OffersThreeModesReturningToThePage()
    {
        using var culture = new CultureScope("zh-Hans");
        Services.GetRequiredService<NavigationManager>().NavigateTo("kv/3");
        var popovers = RenderPopovers();
        var menu = Render<ThemeSwitch>(parameters => parameters.Add(p => p.Mode, ThemeMode.Dark));

        menu.Find("button").Click();

        popovers.WaitForAssertion(() => Assert.Equal(3, popovers.FindAll("a.mud-menu-item").Count), TimeSpan.FromSeconds(5));
        var items = popovers.FindAll("a.mud-menu-item");
        Assert.Equal(["跟随系统", "浅色", "深色"], items.Select(i => i.TextContent.Trim()));
        Assert.Equal("theme/set?mode=light&returnUrl=%2Fkv%2F3", items[1].GetAttribute("href"));
        Assert.Contains("theme-current", popovers.Find("#theme-dark").ClassList);
    }
}
