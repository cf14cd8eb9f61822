using EdgeKv.E2E.Tests.Infrastructure;

namespace EdgeKv.E2E.Tests.Pages;

/// <summary>The layout walk's eyes, on a page made to have each problem: a check that finds nothing proves nothing.</summary>
public sealed class LayoutProblemsTests(ConsoleServerFixture server) : IClassFixture<ConsoleServerFixture>
{
    [Fact]
    public async Task OfAsync_PlantedProblems_FindsEachOne()
    {
        await using var browser = await server.OpenPageAsync(width: 1024);
        await browser.Page.SetContentAsync("""
            <div class="mud-main-content" style="background:#fff">
              <button style="color:#fff;background:transparent;border:0">注册</button>
              <div style="width:1600px">wide</div>
              <table style="width:300px;table-layout:fixed"><tr><th style="width:20px">Value</th><th>Key</th></tr>
                <tr><td style="white-space:nowrap;overflow:hidden">a-very-long-unbroken-cell-text-that-does-not-fit-at-all</td><td>x</td></tr></table>
              <p>Records.Title</p>
            </div>
            """);

        var problems = string.Join("\n", await LayoutProblems.OfAsync(browser.Page, "en"));

        Assert.Contains("the page scrolls sideways", problems);
        Assert.Contains("'注册' has contrast 1.00", problems);
        Assert.Contains("the column 'Value' is squeezed", problems);
        Assert.Contains("the cell 'a-very-long-unbroken", problems);
        Assert.Contains("a resource key is shown as it is: Records.Title", problems);
        Assert.Contains("Chinese on an English page: 注册", problems);
    }
}
