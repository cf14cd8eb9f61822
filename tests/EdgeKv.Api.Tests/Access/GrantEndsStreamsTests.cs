using System.Diagnostics;
using System.Net;
using System.Text.Json;
using EdgeKv.Api.Hubs;
using EdgeKv.Api.KvConnect.Protocol;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Core.Keys;
using Google.Protobuf;
using Microsoft.AspNetCore.SignalR.Client;

namespace EdgeKv.Api.Tests.Access;

/// <summary>
/// An open watch ends when its token is revoked (issue 10), in every protocol: the SSE response ends, the KV Connect
/// stream ends, the hub stream completes, and a new one is refused. Each wait is bounded by a timeout far above the
/// expected time (the revocation cancels the stream at once), so a stream that keeps going fails the test.
/// </summary>
public sealed class GrantEndsStreamsTests(KvConnectServer server)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sse_TokenRevoked_TheOpenStreamEnds()
    {
        // Arrange
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        var response = await api.SendAsync(HttpMethod.Get, HttpApi.Base(ns) + "/watch?key=k", ns.ReadToken, completion: HttpCompletionOption.ResponseHeadersRead);
        using var watch = new SseStream(response);
        await watch.NextEventAsync();

        // Act
        var revokedAt = Stopwatch.GetTimestamp();
        server.Tokens.Revoke(ns.ReadToken);
        var ended = await Assert.ThrowsAsync<InvalidOperationException>(watch.NextEventAsync);

        // Assert
        Assert.Contains("ended", ended.Message, StringComparison.Ordinal);
        TestContext.Current.SendDiagnosticMessage($"SSE stream ended {Stopwatch.GetElapsedTime(revokedAt).TotalMilliseconds:F0} ms after the revocation");
        using var again = await api.SendAsync(HttpMethod.Get, HttpApi.Base(ns) + "/watch?key=k", ns.ReadToken);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    [Fact]
    public async Task KvConnect_TokenRevoked_TheOpenStreamEnds()
    {
        // Arrange
        using var client = new KvConnectHttpClient(server);
        var ns = await server.CreateNamespaceAsync();
        var databaseId = await client.DatabaseIdAsync(ns);
        var watch = new Watch { Keys = { new WatchKey { Key = ByteString.CopyFrom(KvKey.Of("k").Encode()) } } };
        using var response = await client.DataPathAsync(ns, "watch", watch, ns.ReadToken, databaseId, completion: HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync(_ct);
        await KvConnectHttpClient.ReadFrameAsync(stream, _ct);

        // Act
        server.Tokens.Revoke(ns.ReadToken);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        bound.CancelAfter(Bound);
        var rest = await ReadToEndIgnoringKeepAlivesAsync(stream, bound.Token);

        // Assert: the stream ended (no frame with data after the revocation), and the token is refused from now on.
        Assert.Equal(0, rest);
        using var again = await client.DataPathAsync(ns, "watch", watch, ns.ReadToken, databaseId);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    [Fact]
    public async Task Hub_TokenRevoked_TheOpenStreamCompletes()
    {
        // Arrange
        var ns = await server.CreateNamespaceAsync();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(server.Http1Url + KvWatchHubEndpointRouteBuilderExtensions.Path, options => options.AccessTokenProvider = () => Task.FromResult<string?>(ns.ReadToken))
            .Build();
        await hub.StartAsync(_ct);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        bound.CancelAfter(Bound);
        await using var stream = hub.StreamAsync<JsonElement>("WatchKeys", ns.Id, new[] { "k" }, bound.Token).GetAsyncEnumerator(bound.Token);
        Assert.True(await stream.MoveNextAsync());

        // Act
        server.Tokens.Revoke(ns.ReadToken);

        // Assert: completes (rather than running into the bound, which would throw).
        Assert.False(await stream.MoveNextAsync());
    }

    // Counts the non-empty frames until the stream ends; keep-alive frames (empty) are skipped.
    private static async Task<int> ReadToEndIgnoringKeepAlivesAsync(Stream stream, CancellationToken cancellationToken)
    {
        var frames = 0;
        var header = new byte[4];
        while (await stream.ReadAtLeastAsync(header, 4, throwOnEndOfStream: false, cancellationToken) == 4)
        {
            var length = BitConverter.ToInt32(header);
            if (length > 0)
            {
                await stream.ReadExactlyAsync(new byte[length], cancellationToken);
                frames++;
            }
        }

        return frames;
    }
}
