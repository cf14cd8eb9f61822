using System.Net;
using EdgeKv.Api.KvConnect;
using EdgeKv.Api.KvConnect.Protocol;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Core;
using EdgeKv.Core.Keys;
using Google.Protobuf;

namespace EdgeKv.Api.Tests.KvConnect;

/// <summary>The watch stream's framing: the first state, keep-alives, and refusals before streaming starts.</summary>
public sealed class WatchProtocolTests(KvConnectServer server)
{
    [Fact]
    public async Task Watch_NothingChanges_FirstStateThenKeepAliveFrames()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = new KvConnectHttpClient(server);
        var ns = await server.CreateNamespaceAsync();
        var watch = new Watch { Keys = { new WatchKey { Key = ByteString.CopyFrom(KvKey.Of("idle").Encode()) } } };

        using var response = await client.DataPathAsync(
            ns, "watch", watch, ns.ReadToken, await client.DatabaseIdAsync(ns), completion: HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var first = WatchOutput.Parser.ParseFrom(await KvConnectHttpClient.ReadFrameAsync(stream, ct));
        var next = await KvConnectHttpClient.ReadFrameAsync(stream, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(SnapshotReadStatus.SrSuccess, first.Status);
        var key = Assert.Single(first.Keys);
        Assert.True(key.Changed);
        Assert.Null(key.EntryIfChanged);
        Assert.Empty(next); // nothing changed: the next frame is a keep-alive
    }

    [Fact]
    public async Task Watch_ProtocolVersion2_400()
    {
        using var client = new KvConnectHttpClient(server);
        var ns = await server.CreateNamespaceAsync();
        var watch = new Watch { Keys = { new WatchKey { Key = ByteString.CopyFrom(KvKey.Of("a").Encode()) } } };

        using var response = await client.DataPathAsync(ns, "watch", watch, ns.ReadToken, await client.DatabaseIdAsync(ns), version: "2");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(KvConnectErrors.WatchNeedsVersion3, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Watch_MoreKeysThanTheLimit_400WithTheEngineMessage()
    {
        using var client = new KvConnectHttpClient(server);
        var ns = await server.CreateNamespaceAsync();
        var watch = new Watch();
        for (var i = 0; i <= KvLimits.MaxWatchedKeys; i++)
        {
            watch.Keys.Add(new WatchKey { Key = ByteString.CopyFrom(KvKey.Of("k", i).Encode()) });
        }

        using var response = await client.DataPathAsync(ns, "watch", watch, ns.ReadToken, await client.DatabaseIdAsync(ns));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(KvErrors.TooManyWatchedKeys, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
