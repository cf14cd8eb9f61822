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

    /// <summary>
    /// Every element <paramref name="inner"/> matches lies within the box of <paramref name="outer"/>, once the layout
    /// holds still. Like Playwright's own assertions it looks again, frame by frame for up to 5 s, before it fails:
    /// right after a resize the console's navigation drawer slides (after a round trip to the server), and two boxes
    /// measured one after the other mid-slide disagree by how far it moved.
    /// </summary>
    public static async Task AssertInsideAsync(ILocator inner, ILocator outer)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (true)
        {
            var outside = await FirstOutsideAsync(inner, outer);
            if (outside is null)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, outside);
            await outer.Page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
        }
    }

    /// <summary>Why the first of <paramref name="inner"/>'s elements outside <paramref name="outer"/> is; null when none is.</summary>
    private static async Task<string?> FirstOutsideAsync(ILocator inner, ILocator outer)
    {
        var container = await BoxOfAsync(outer);
        var all = await inner.AllAsync();
        Assert.NotEmpty(all);
        foreach (var element in all)
        {
            var box = await BoxOfAsync(element);
            if (box.X < container.X || box.X + box.Width > container.X + container.Width + 0.5)
            {
                return $"'{await element.InnerTextAsync()}' spans x {box.X:0}..{box.X + box.Width:0}, past its container's {container.X:0}..{container.X + container.Width:0}.";
            }
        }

        return null;
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
