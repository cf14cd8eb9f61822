using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using EdgeKv.Api.KvConnect;
using EdgeKv.Api.Tests.Support;

namespace EdgeKv.Api.Tests.KvConnect;

/// <summary>The metadata exchange as the KV Connect specification describes it.</summary>
public sealed class MetadataExchangeTests(KvConnectServer server)
{
    [Fact]
    public async Task Metadata_ClientSpeaksAllVersions_GetsVersion3AndTheDataPath()
    {
        using var client = new KvConnectHttpClient(server);
        var ns = await server.CreateNamespaceAsync();

        using var response = await client.MetadataAsync(ns, ns.WriteToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.ToString());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("version").GetInt32());
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", root.GetProperty("databaseId").GetString());
        var endpoint = Assert.Single(root.GetProperty("endpoints").EnumerateArray());
        Assert.Equal(client.MetadataPath(ns), endpoint.GetProperty("url").GetString());
        Assert.Equal("strong", endpoint.GetProperty("consistency").GetString());
        Assert.Equal(ns.WriteToken, root.GetProperty("token").GetString());
        var expiresAt = root.GetProperty("expiresAt").GetString()!;
        Assert.Matches(new Regex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"), expiresAt);
        Assert.True(DateTimeOffset.Parse(expiresAt, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [Fact]
    public async Task Metadata_SameNamespaceTwice_SameDatabaseIdForEveryToken()
    {
        using var client = new KvConnectHttpClient(server);
        var ns = await server.CreateNamespaceAsync();
        var other = await server.CreateNamespaceAsync();

        var first = await client.DatabaseIdAsync(ns);
        var second = await client.DatabaseIdAsync(ns);
        var otherId = await client.DatabaseIdAsync(other);

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherId);
    }

    [Fact]
    public async Task Metadata_ClientSpeaksVersion2Only_GetsVersion2()
    {
        using var client = new KvConnectHttpClient(server);
        var ns = await server.CreateNamespaceAsync();

        using var response = await client.MetadataAsync(ns, ns.ReadToken, """{"supportedVersions":[1,2]}""");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, json.RootElement.GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("""{"supportedVersions":[1]}""", KvConnectErrors.NoCommonProtocolVersion)]
    [InlineData(null, KvConnectErrors.NoCommonProtocolVersion)]
    [InlineData("""{"supportedVersions":"3"}""", KvConnectErrors.InvalidMetadataRequest)]
    [InlineData("""{"versions":[3]}""", KvConnectErrors.InvalidMetadataRequest)]
    [InlineData("not json", KvConnectErrors.InvalidMetadataRequest)]
    public async Task Metadata_UnusableBody_400WithMessage(string? body, string message)
    {
        using var client = new KvConnectHttpClient(server);
        var ns = await server.CreateNamespaceAsync();

        using var response = await client.MetadataAsync(ns, ns.WriteToken, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Metadata_NoAuthorizationHeader_401AskingForBearer()
    {
        using var client = new KvConnectHttpClient(server);
        var ns = await server.CreateNamespaceAsync();

        using var response = await client.MetadataAsync(ns, token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal(KvConnectErrors.MissingBearerToken, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Metadata_NamespaceDeleted_404()
    {
        using var client = new KvConnectHttpClient(server);
        var ns = await server.CreateNamespaceAsync();
        await server.Tokens.Registry.DeleteNamespaceAsync(ns.Id, TestContext.Current.CancellationToken);

        using var response = await client.MetadataAsync(ns, ns.WriteToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(KvConnectErrors.NamespaceNotFound, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Metadata_TokenScopedToAnotherNamespace_403()
    {
        using var client = new KvConnectHttpClient(server);
        var ns = await server.CreateNamespaceAsync();
        var missing = ns with { Id = "no-such-namespace" };

        using var response = await client.MetadataAsync(missing, ns.WriteToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
