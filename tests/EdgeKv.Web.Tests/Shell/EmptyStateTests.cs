using EdgeKv.Web.Components.Shared;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Shell;

public sealed class EmptyStateTests : ConsoleComponentContext
{
    [Fact]
    public void Render_WithAction_ShowsWhatIsMissingAndTheOneThingToDo()
    {
        var empty = Render<EmptyState>(parameters => parameters
            .Add(p => p.Id, "namespaces-empty")
            .Add(p => p.Title, "还没有命名空间")
            .Add(p => p.Text, "命名空间用于隔离数据。")
            .Add(p => p.Action, builder => builder.AddMarkupContent(0, "<button id=\"create\">创建命名空间</button>")));

        Assert.Equal("还没有命名空间", empty.Find("#namespaces-empty .empty-state-title").TextContent);
        Assert.Equal("命名空间用于隔离数据。", empty.Find(".empty-state-text").TextContent);
        Assert.Single(empty.FindAll(".empty-state-action button"));
    }
}
