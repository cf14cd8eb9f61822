using System.Net;
using System.Text.Json;
using EdgeKv.Testing.Postgres;
using EdgeKv.Web.Tests.Infrastructure;
using Npgsql;

namespace EdgeKv.Web.Tests.Hosting;

/// <summary>
/// Two console hosts (two nodes) on one PostgreSQL admin database: a sign-in cookie issued by one is accepted by the
/// other, because the data-protection key ring lives in that database; each node's readiness names its storage.
/// </summary>
public sealed class ClusterNodesTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private const string IdentityCookie = ".EdgeKv.Auth";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignInCookie_IssuedByNodeA_AcceptedByNodeB()
    {
        // Arrange: two nodes on one database, each with its own engine data folder and its own services.
        var database = await postgres.Server.CreateDatabaseAsync();
        await using var nodeA = ConfiguredConsoleApplication.OnPostgres(database);
        await using var nodeB = ConfiguredConsoleApplication.OnPostgres(database);
        using var browserAtA = ConsoleClient.Anonymous(nodeA);

        // Act: sign in at A; take the cookie A set to B, as a load balancer would send the next request there.
        using var signIn = await browserAtA.PostFormAsync("/account/signin", new()
        {
            ["Input.Email"] = ConsoleClient.AdminEmail,
            ["Input.Password"] = ConsoleClient.AdminPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(IdentityCookie + "=", StringComparison.Ordinal)).Split(';')[0];
        using var browserAtB = nodeB.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/accounts");
        request.Headers.Add("Cookie", cookie);
        using var page = await browserAtB.SendAsync(request, Ct);

        // Assert: B serves the admin page to A's session, and the key that protects it is in the shared database.
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(await CountKeysAsync(database) >= 1);
    }

    [Fact]
    public async Task SignInCookie_Tampered_RefusedByTheOtherNode()
    {
        // Arrange
        var database = await postgres.Server.CreateDatabaseAsync();
        await using var nodeA = ConfiguredConsoleApplication.OnPostgres(database);
        await using var nodeB = ConfiguredConsoleApplication.OnPostgres(database);
        using var browserAtA = ConsoleClient.Anonymous(nodeA);
        using var signIn = await browserAtA.PostFormAsync("/account/signin", new()
        {
            ["Input.Email"] = ConsoleClient.AdminEmail,
            ["Input.Password"] = ConsoleClient.AdminPassword,
        });
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(IdentityCookie + "=", StringComparison.Ordinal)).Split(';')[0];

        // Act: one character of the protected payload changed.
        var tampered = cookie[..^4] + (cookie[^4] == 'A' ? 'B' : 'A') + cookie[^3..];
        using var browserAtB = nodeB.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/accounts");
        request.Headers.Add("Cookie", tampered);
        using var page = await browserAtB.SendAsync(request, Ct);

        // Assert: the other node treats the visitor as signed out.
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/signin", page.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task Start_ClusterNameNotUsableInAChannelName_RefusedWithTheSettingToFix()
    {
        // Arrange: a node whose cluster name would have to be quoted into its notification channel.
        var database = await postgres.Server.CreateDatabaseAsync();
        using var node = new ConfiguredConsoleApplication(new Dictionary<string, string?>
        {
            ["EdgeKv:Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Admin"] = database,
            ["EdgeKv:Cluster:Name"] = "prod\"; DROP",
        });

        // Act
        var refusal = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => node.CreateClient());

        // Assert
        Assert.Contains(EdgeKv.Domain.Cluster.ClusterOptions.InvalidName, refusal.Failures);
    }

    [Fact]
    public async Task Readyz_NodeOnPostgres_NamesItsStorageAndItsDatabaseAnswers()
    {
        // Arrange
        var database = await postgres.Server.CreateDatabaseAsync();
        await using var node = ConfiguredConsoleApplication.OnPostgres(database);
        using var client = node.CreateClient();

        // Act
        using var ready = await client.GetAsync("/readyz", Ct);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(Ct));

        // Assert
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("admin-database").GetString());
        Assert.Equal("Postgres", body.RootElement.GetProperty("storage").GetProperty("admin-database").GetString());
        Assert.Equal("Postgres", body.RootElement.GetProperty("storage").GetProperty("engine").GetString());
    }

    [Fact]
    public async Task Readyz_DatabaseServerStopped_AdminDatabaseUnhealthy()
    {
        // Arrange: a node that started on its database, then loses the server.
        var database = await postgres.Server.CreateDatabaseAsync();
        await using var node = ConfiguredConsoleApplication.OnPostgres(database);
        using var client = node.CreateClient();
        await postgres.Server.StopAsync(immediate: true);
        HttpResponseMessage ready;
        string text;
        try
        {
            // Act
            ready = await client.GetAsync("/readyz", Ct);
            text = await ready.Content.ReadAsStringAsync(Ct);
        }
        finally
        {
            // The class's other tests share the server.
            await postgres.Server.StartAgainAsync();
        }

        using var _ = ready;
        using var body = JsonDocument.Parse(text);

        // Assert: not ready, and which check says why; no error text reaches the body.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("checks").GetProperty("admin-database").GetString());
        Assert.Equal("Postgres", body.RootElement.GetProperty("storage").GetProperty("admin-database").GetString());
    }

    private static async Task<long> CountKeysAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(Ct);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM \"DataProtectionKeys\"", connection);
        return (long)(await count.ExecuteScalarAsync(Ct))!;
    }
}
