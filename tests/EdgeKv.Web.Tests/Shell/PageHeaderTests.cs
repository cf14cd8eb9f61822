using EdgeKv.Web.Components.Shared;
using EdgeKv.Web.Tests.Infrastructure;
using MudBlazor;

namespace EdgeKv.Web.Tests.Shell;

public sealed class PageHeaderTests : ConsoleComponentContext
{
    [Fact]
    public void Render_LongTitleWithActions_TitleIsOneTruncatingLineWithItsWholeTextInTheTooltip()
    {
        var name = new string('n', 64);
        RenderPopovers();

        var header = Render<PageHeader>(parameters => parameters
            .Add(p => p.Title, name)
            .Add(p => p.TitleId, "namespace-name")
            .Add(p => p.Breadcrumbs, [new BreadcrumbItem("KV 存储", "kv"), new BreadcrumbItem(name, href: null, disabled: true)])
            .Add(p => p.Actions, builder => builder.AddMarkupContent(0, "<button id=\"rename\">重命名</button>")));

        var title = header.Find("h1#namespace-name");
        Assert.Equal(name, title.TextContent);
        Assert.Contains("page-title", title.ClassList);
        Assert.NotNull(header.Find(".page-actions #rename"));
        Assert.Equal("kv", header.Find(".page-breadcrumbs a").GetAttribute("href"));
    }

    [Fact]
    public void Render_NoActionsNoBreadcrumbs_RendersOnlyTheTitle()
    {
        var header = Render<PageHeader>(parameters => parameters.Add(p => p.Title, "项目"));

        Assert.Equal("项目", header.Find("h1").TextContent);
        Assert.Empty(header.FindAll(".page-actions"));
        Assert.Empty(header.FindAll(".page-breadcrumbs"));
    }
}
