using System.Net;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Hosting;

/// <summary>Every console page refuses anonymous visitors, and the admin pages refuse users, at the HTTP level.</summary>
public sealed class PageAuthorizationTests(ConsoleApplication app) : IClassFixture<ConsoleApplication>
{
    public static TheoryData<string> UserPages => ["/kv", "/kv/1", "/projects", "/projects/1"];

    public static TheoryData<string> AdminPages => ["/admin/applications", "/admin/accounts", "/admin/settings", "/admin/audit", "/admin/tokens", "/admin/nodes"];

    [Theory]
    [MemberData(nameof(UserPages))]
    [MemberData(nameof(AdminPages))]
    public async Task Get_Anonymous_RedirectsToSignInWithReturnUrl(string path)
    {
        using var client = ConsoleClient.Anonymous(app);

        using var response = await client.Http.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/account/signin?ReturnUrl={Uri.EscapeDataString(path)}", response.Headers.Location?.PathAndQuery);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Get_AdminPageAsUser_RedirectsToAccessDenied(string path)
    {
        using var client = await ConsoleClient.RegisterAsync(app, $"user-{Guid.NewGuid():N}@example.com");

        using var response = await client.Http.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location?.PathAndQuery);
    }

    [Theory]
    [MemberData(nameof(UserPages))]
    [MemberData(nameof(AdminPages))]
    public async Task Get_AsAdmin_IsServed(string path)
    {
        using var client = await ConsoleClient.AdminAsync(app);

        using var response = await client.Http.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
