using System.Net;
using EdgeKv.Testing.Repository;
using EdgeKv.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EdgeKv.Web.Tests.Hosting;

/// <summary>The default run is Production: no developer exception page, no trace (issue 11, finding 2).</summary>
public sealed class ProductionHostTests(ProductionConsoleApplication app) : IClassFixture<ProductionConsoleApplication>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task SetCulture_TabInReturnUrl_RedirectsHome()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/culture/set?culture=en&returnUrl=/%09/x", _cancellation);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task UnhandledException_InProduction_ShowsTheConsolesErrorPageWithoutTrace()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(ProductionConsoleApplication.ThrowPath, _cancellation);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(_cancellation));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("出错了", html);
        Assert.Contains("处理请求时发生错误。请重试，或返回上一页。", html);
        Assert.DoesNotContain(ProductionConsoleApplication.ExceptionMessage, html);
        Assert.DoesNotContain("InvalidOperationException", html);
        Assert.DoesNotContain("ProductionConsoleApplication", html);
    }

    [Fact]
    public void LaunchSettings_DefaultProfile_IsProduction()
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(
            RepositoryRoot.Combine("src", "EdgeKv.Web", "Properties", "launchSettings.json")));

        // dotnet run takes the first profile.
        var first = json.RootElement.GetProperty("profiles").EnumerateObject().First();

        Assert.Equal("Production", first.Value.GetProperty("environmentVariables").GetProperty("ASPNETCORE_ENVIRONMENT").GetString());
    }
}
