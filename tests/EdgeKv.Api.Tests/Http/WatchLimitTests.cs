using System.Net;
using EdgeKv.Api.Access;
using EdgeKv.Api.Http;
using EdgeKv.Api.KvConnect.Protocol;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Api.Watching;
using EdgeKv.Core;
using EdgeKv.Core.Keys;
using Google.Protobuf;

namespace EdgeKv.Api.Tests.Http;

/// <summary>
/// Open watch streams bounded per token over SSE and KV Connect together (429, one message), and a watch of no key
/// refused; the bound is given back when a stream ends.
/// </summary>
public sealed class WatchLimitTests(KvConnectServer server)
{
    private static readonly int PerToken = new KvWatchLimits().MaxStreamsPerToken;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Watch_OnePastTheTokenLimitOverSseAndKvConnect_429WithOneMessage()
    {
        // Arrange: the token's every allowed stream open over SSE.
        using var api = new HttpApi(server);
        using var kvConnect = new KvConnectHttpClient(server);
        var ns = await server.CreateNamespaceAsync();
        var open = new List<HttpResponseMessage>();
        try
        {
            for (var i = 0; i < PerToken; i++)
            {
                var stream = await OpenSseAsync(api, ns);
                open.Add(stream);
                Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
            }

            // Act
            using var sse = await OpenSseAsync(api, ns);
            using var deno = await kvConnect.DataPathAsync(ns, "watch", OneKeyWatch(), ns.ReadToken, await kvConnect.DatabaseIdAsync(ns));

            // Assert
            Assert.Equal(HttpStatusCode.TooManyRequests, sse.StatusCode);
            Assert.Equal((KvHttpErrorCodes.TooManyWatches, KvAccessErrors.TooManyWatchStreams), await HttpApi.ErrorAsync(sse));
            Assert.Equal(HttpStatusCode.TooManyRequests, deno.StatusCode);
            Assert.Equal(KvAccessErrors.TooManyWatchStreams, await deno.Content.ReadAsStringAsync(_ct));
        }
        finally
        {
            open.ForEach(stream => stream.Dispose());
        }
    }

    [Fact]
    public async Task Watch_AfterAStreamCloses_OpensAgain()
    {
        // Arrange
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        var open = new List<HttpResponseMessage>();
        for (var i = 0; i < PerToken; i++)
        {
            open.Add(await OpenSseAsync(api, ns));
        }

        // Act: one client leaves; the server notices when the connection closes, so ask until it has (bounded).
        open[0].Dispose();
        var status = HttpStatusCode.TooManyRequests;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (status == HttpStatusCode.TooManyRequests && !deadline.IsCancellationRequested)
        {
            var again = await OpenSseAsync(api, ns);
            status = again.StatusCode;
            if (status == HttpStatusCode.OK)
            {
                open.Add(again);
            }
            else
            {
                again.Dispose();
                await Task.Delay(50, _ct);
            }
        }

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        open.ForEach(stream => stream.Dispose());
    }

    [Fact]
    public async Task KvConnectWatch_NoKeys_400WithTheEngineMessage()
    {
        using var client = new KvConnectHttpClient(server);
        var ns = await server.CreateNamespaceAsync();

        using var response = await client.DataPathAsync(ns, "watch", new Watch(), ns.ReadToken, await client.DatabaseIdAsync(ns));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(KvErrors.NoWatchedKeys, await response.Content.ReadAsStringAsync(_ct));
    }

    private static Watch OneKeyWatch() => new() { Keys = { new WatchKey { Key = ByteString.CopyFrom(KvKey.Of("k").Encode()) } } };

    private static Task<HttpResponseMessage> OpenSseAsync(HttpApi api, TestNamespace ns) =>
        api.SendAsync(HttpMethod.Get, $"{HttpApi.Base(ns)}/watch?key=k", ns.ReadToken, completion: HttpCompletionOption.ResponseHeadersRead);
}
