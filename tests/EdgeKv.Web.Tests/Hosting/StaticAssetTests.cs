using System.Net;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Hosting;

/// <summary>The files a browser loads with every page are served (a missing one is a console error or a dead page).</summary>
public sealed class StaticAssetTests(ConsoleApplication app) : IClassFixture<ConsoleApplication>
{
    [Theory]
    [InlineData("/favicon.ico", "image/x-icon")]
    [InlineData("/_framework/blazor.web.js", "text/javascript")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.js", "text/javascript")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css", "text/css")]
    [InlineData("/app.css", "text/css")]
    [InlineData("/lib/signalr/signalr.min.js", "text/javascript")]
    public async Task Get_PageAsset_IsServed(string path, string contentType)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
    }
}
