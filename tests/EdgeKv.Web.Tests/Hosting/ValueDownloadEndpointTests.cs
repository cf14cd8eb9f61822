using System.Net;
using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Identity;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Domain.Records;
using EdgeKv.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Web.Tests.Hosting;

/// <summary>The record viewer's download: the owner's cookie gets the exact bytes; nobody else learns anything.</summary>
public sealed class ValueDownloadEndpointTests(ConsoleApplication app) : IClassFixture<ConsoleApplication>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_Owner_ReturnsTheExactBytesAsAnAttachment()
    {
        // Arrange
        var (client, user, ns) = await OwnerWithNamespaceAsync("owner");
        var content = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray();
        await PutAsync(user, ns.Id, "reports/2024 q1.bin", content);

        // Act
        using var response = await client.Http.GetAsync(Url(ns.Id, "reports/2024 q1.bin"), Ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(content, await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(content.Length, response.Content.Headers.ContentLength);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("reports_2024 q1.bin", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Contains("nosniff", response.Headers.GetValues("X-Content-Type-Options"));
        client.Dispose();
    }

    [Fact]
    public async Task Get_NonAsciiKey_FileNameKeepsItsCharacters()
    {
        // Arrange
        var (client, user, ns) = await OwnerWithNamespaceAsync("unicode");
        await PutAsync(user, ns.Id, "报告.txt", "你好"u8.ToArray());

        // Act
        using var response = await client.Http.GetAsync(Url(ns.Id, "报告.txt"), Ct);

        // Assert
        Assert.Equal("报告.txt", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("你好"u8.ToArray(), await response.Content.ReadAsByteArrayAsync(Ct));
        client.Dispose();
    }

    [Fact]
    public async Task Get_AnotherUsersNamespace_Returns404LikeAMissingOne()
    {
        // Arrange
        var (owner, user, ns) = await OwnerWithNamespaceAsync("victim");
        await PutAsync(user, ns.Id, "secret", "top secret"u8.ToArray());
        owner.Dispose();
        using var other = await ConsoleClient.RegisterAsync(app, $"other-{Guid.NewGuid():N}@example.com");

        // Act
        using var foreign = await other.Http.GetAsync(Url(ns.Id, "secret"), Ct);
        using var missing = await other.Http.GetAsync(Url(999_999, "secret"), Ct);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(await missing.Content.ReadAsStringAsync(Ct), await foreign.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Get_MissingKey_Returns404()
    {
        var (client, _, ns) = await OwnerWithNamespaceAsync("nokey");

        using var response = await client.Http.GetAsync(Url(ns.Id, "nothing-here"), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        client.Dispose();
    }

    [Fact]
    public async Task Get_Anonymous_RedirectsToSignInWithReturnUrl()
    {
        using var client = ConsoleClient.Anonymous(app);
        var path = Url(1, "k");

        using var response = await client.Http.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/account/signin?ReturnUrl={Uri.EscapeDataString(path)}", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task Get_SuspendedOwner_StillDownloads()
    {
        // Arrange: a suspended account is read-only, as in the console's record list.
        var (client, user, ns) = await OwnerWithNamespaceAsync("suspended");
        await PutAsync(user, ns.Id, "kept", [1, 2, 3]);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountApplicationService>().SuspendAsync(await AdminAsync(scope), ns.AccountId, "unpaid", Ct);
        }

        // Act
        using var response = await client.Http.GetAsync(Url(ns.Id, "kept"), Ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new byte[] { 1, 2, 3 }, await response.Content.ReadAsByteArrayAsync(Ct));
        client.Dispose();
    }

    private static string Url(int namespaceId, string key) => $"/console/namespaces/{namespaceId}/values/download?key={Uri.EscapeDataString(key)}";

    // A user registered and signed in through the pages, whose account the admin opened, with one namespace.
    private async Task<(ConsoleClient Client, Caller User, NamespaceView Namespace)> OwnerWithNamespaceAsync(string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@example.com";
        var client = await ConsoleClient.RegisterAsync(app, email);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = new Caller((await services.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id, IsAdmin: false);
        var accounts = services.GetRequiredService<AccountApplicationService>();
        var account = await accounts.ApplyAsync(user, null, Ct);
        await accounts.ApproveAsync(await AdminAsync(scope), account.AccountId!.Value, cancellationToken: Ct);
        var ns = await services.GetRequiredService<NamespaceService>().CreateAsync(user, "files", cancellationToken: Ct);
        return (client, user, ns);
    }

    private async Task PutAsync(Caller user, int namespaceId, string key, byte[] content)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecordService>().PutBytesAsync(user, namespaceId, key, content, RecordFormat.Bytes, expireIn: null, Ct);
    }

    private static async Task<Caller> AdminAsync(AsyncServiceScope scope)
    {
        var admin = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(ConsoleClient.AdminEmail);
        return new Caller(admin!.Id, IsAdmin: true);
    }
}
