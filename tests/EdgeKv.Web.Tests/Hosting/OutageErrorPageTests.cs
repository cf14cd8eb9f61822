using System.Net;
using EdgeKv.Domain.Cluster;
using EdgeKv.Testing.Postgres;
using EdgeKv.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Web.Tests.Hosting;

/// <summary>
/// A console request that fails on the storage itself — opening the sign-in page while the node's PostgreSQL server is
/// stopped — gets the console's error page saying so (503, Retry-After), in Production as the default run starts it;
/// no trace. Once the server is back, signing in there succeeds.
/// </summary>
public sealed class OutageErrorPageTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignInPage_ServerStopped_503PageSaysStorageUnavailable_ThenSigningInSucceeds()
    {
        // Arrange: a node in Production on its own database, ready.
        await using var app = ConfiguredConsoleApplication.OnPostgres(await postgres.Server.CreateDatabaseAsync(), "Production");
        using var client = ConsoleClient.Anonymous(app);
        using (var ready = await client.Http.GetAsync("/readyz", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        // Act
        var reconnected = app.Services.GetRequiredService<ClusterEventListener>().NextConnection;
        HttpResponseMessage during;
        await postgres.Server.StopAsync();
        try
        {
            during = await client.Http.GetAsync("/account/signin", Ct);
        }
        finally
        {
            await postgres.Server.StartAgainAsync();
        }

        // Assert
        using (during)
        {
            var html = WebUtility.HtmlDecode(await during.Content.ReadAsStringAsync(Ct));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
            Assert.Equal("1", Assert.Single(during.Headers.GetValues("Retry-After")));
            Assert.Contains("<title>存储暂时不可用</title>", html);
            Assert.Contains("存储暂时不可用，请稍后重试。", html);
            Assert.DoesNotContain("处理请求时发生错误", html);
            Assert.DoesNotContain("Npgsql", html);
        }

        // The node's cluster listener drops the connections the stop broke when it reconnects; then sign-in works.
        await reconnected.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await client.SignInAsync(ConsoleClient.AdminEmail, ConsoleClient.AdminPassword);
    }
}
