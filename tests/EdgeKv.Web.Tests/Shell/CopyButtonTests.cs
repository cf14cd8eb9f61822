using EdgeKv.Web.Components.Shared;
using EdgeKv.Web.Tests.Infrastructure;
using MudBlazor;

namespace EdgeKv.Web.Tests.Shell;

public sealed class CopyButtonTests : ConsoleComponentContext
{
    [Fact]
    public void Click_ClipboardAllows_CopiesTheTextAndSaysSo()
    {
        using var culture = new CultureScope("zh-Hans");
        var clipboard = JSInterop.SetupVoid("navigator.clipboard.writeText", "ns01hxyz");
        clipboard.SetVoidResult();
        var snackbars = Render<MudSnackbarProvider>();
        RenderPopovers();
        var button = Render<CopyButton>(parameters => parameters.Add(p => p.Text, "ns01hxyz").Add(p => p.What, "命名空间 ID"));

        button.Find("button.copy-button").Click();

        Assert.Single(clipboard.Invocations);
        Assert.Equal("复制 命名空间 ID", button.Find("button.copy-button").GetAttribute("aria-label"));
        snackbars.WaitForAssertion(() => Assert.Contains("已复制", snackbars.Markup), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Click_ClipboardRefused_SaysToSelectTheTextInstead()
    {
        using var culture = new CultureScope("en");
        JSInterop.SetupVoid("navigator.clipboard.writeText", "ns01hxyz").SetException(new Microsoft.JSInterop.JSException("denied"));
        var snackbars = Render<MudSnackbarProvider>();
        RenderPopovers();
        var button = Render<CopyButton>(parameters => parameters.Add(p => p.Text, "ns01hxyz"));

        button.Find("button.copy-button").Click();

        snackbars.WaitForAssertion(() => Assert.Contains("The browser did not allow copying", snackbars.Markup), TimeSpan.FromSeconds(5));
    }
}
