using System.Net;
using EdgeKv.Api.KvConnect;
using EdgeKv.Api.KvConnect.Protocol;
using EdgeKv.Api.Tests.Support;
using Google.Protobuf;

namespace EdgeKv.Api.Tests.KvConnect;

/// <summary>Every data path request checks the token and the protocol headers again.</summary>
public sealed class DataPathAccessTests(KvConnectServer server)
{
    private static readonly SnapshotRead s_read = new()
    {
        Ranges = { new ReadRange { Start = ByteString.CopyFrom(0x02), End = ByteString.CopyFrom(0xFF), Limit = 10 } },
    };

    [Fact]
    public async Task SnapshotRead_TokenRevokedAfterMetadata_401()
    {
        using var client = new KvConnectHttpClient(server);
        var ns = await server.CreateNamespaceAsync();
        var databaseId = await client.DatabaseIdAsync(ns);
        server.Tokens.Revoke(ns.WriteToken);

        using var response = await client.DataPathAsync(ns, "snapshot_read", s_read, ns.WriteToken, databaseId);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(KvConnectErrors.InvalidAccessToken, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SnapshotRead_DatabaseIdOfAnotherNamespace_400()
    {
        using var client = new KvConnectHttpClient(server);
        var ns = await server.CreateNamespaceAsync();
        var otherId = await client.DatabaseIdAsync(await server.CreateNamespaceAsync());

        using var response = await client.DataPathAsync(ns, "snapshot_read", s_read, ns.WriteToken, otherId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(KvConnectErrors.InvalidDatabaseId, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("1")]
    [InlineData("4")]
    public async Task SnapshotRead_VersionHeaderNot2Or3_400(string? version)
    {
        using var client = new KvConnectHttpClient(server);
        var ns = await server.CreateNamespaceAsync();
        var databaseId = await client.DatabaseIdAsync(ns);

        using var response = await client.DataPathAsync(ns, "snapshot_read", s_read, ns.WriteToken, databaseId, version);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(KvConnectErrors.InvalidProtocolVersion, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SnapshotRead_BodyNotProtobuf_400()
    {
        using var client = new KvConnectHttpClient(server);
        var ns = await server.CreateNamespaceAsync();
        var databaseId = await client.DatabaseIdAsync(ns);

        using var response = await client.DataPathAsync(ns, "snapshot_read", [0xFF, 0xFF, 0xFF], ns.WriteToken, databaseId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(KvConnectErrors.InvalidProtobuf, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SnapshotRead_Version2_AnswersSuccessInBothFields()
    {
        using var client = new KvConnectHttpClient(server);
        var ns = await server.CreateNamespaceAsync();
        var databaseId = await client.DatabaseIdAsync(ns);

        using var response = await client.DataPathAsync(ns, "snapshot_read", s_read, ns.ReadToken, databaseId, version: "2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-protobuf", response.Content.Headers.ContentType!.ToString());
        var output = SnapshotReadOutput.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.False(output.ReadDisabled);
        Assert.True(output.ReadIsStronglyConsistent);
        Assert.Equal(SnapshotReadStatus.SrSuccess, output.Status);
        Assert.Empty(Assert.Single(output.Ranges).Values);
    }
}
