using Microsoft.Playwright;

namespace EdgeKv.E2E.Tests.Infrastructure;

/// <summary>
/// What a person sees of a layout, from the boxes the browser laid out: text can be in the page and still be out of
/// sight (a column squeezed to nothing, a line running past its card), which no text assertion notices.
/// </summary>
internal static class PageLayout
{
    /// <summary>Every element <paramref name="cells"/> matches (the grid's header cells, say) is at least <paramref name="minWidth"/> px wide.</summary>
    public static async Task AssertEachAtLeastWideAsync(ILocator cells, double minWidth)
    {
        var all = await cells.AllAsync();
        Assert.NotEmpty(all);
        foreach (var cell in all)
        {
            var box = await BoxOfAsync(cell);
            Assert.True(box.Width >= minWidth, $"'{await cell.InnerTextAsync()}' is {box.Width:0} px wide, less than {minWidth} px.");
        }
    }

    /// <summary>Every element <paramref name="inner"/> matches lies within the box of <paramref name="outer"/>.</summary>
    public static async Task AssertInsideAsync(ILocator inner, ILocator outer)
    {
        var container = await BoxOfAsync(outer);
        var all = await inner.AllAsync();
        Assert.NotEmpty(all);
        foreach (var element in all)
        {
            var box = await BoxOfAsync(element);
            var inside = box.X >= container.X && box.X + box.Width <= container.X + container.Width + 0.5;
            Assert.True(inside, $"'{await element.InnerTextAsync()}' spans x {box.X:0}..{box.X + box.Width:0}, past its container's {container.X:0}..{container.X + container.Width:0}.");
        }
    }

    /// <summary>
    /// No element <paramref name="elements"/> matches (a table row's cells, say) cuts its content: what it
    /// holds is no wider than what it shows, so nothing is lost to an ellipsis or to the cell's edge.
    /// </summary>
    public static async Task AssertNothingCutAsync(ILocator elements)
    {
        var all = await elements.AllAsync();
        Assert.NotEmpty(all);
        foreach (var element in all)
        {
            var widths = await element.EvaluateAsync<int[]>("e => [e.scrollWidth, e.clientWidth]");
            Assert.True(widths[0] <= widths[1], $"'{await element.InnerTextAsync()}' needs {widths[0]} px and shows {widths[1]} px.");
        }
    }

    private static async Task<LocatorBoundingBoxResult> BoxOfAsync(ILocator element) =>
        await element.BoundingBoxAsync() ?? throw new InvalidOperationException("The element is not laid out (hidden or detached).");
}
