using System.Text.Json;
using EdgeKv.Api.Access;
using EdgeKv.Api.Hubs;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Api.Watching;
using EdgeKv.Core;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace EdgeKv.Api.Tests.Http;

/// <summary>The SignalR hub's watches: a zero-key watch refused, and the open-stream limit shared with the other protocols.</summary>
public sealed class WatchHubLimitTests(KvConnectServer server)
{
    private static readonly int PerToken = new KvWatchLimits().MaxStreamsPerToken;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task WatchKeys_NoKeys_HubExceptionWithTheEngineMessage()
    {
        var ns = await server.CreateNamespaceAsync();
        await using var hub = await ConnectAsync(ns);

        var refusal = await Assert.ThrowsAsync<HubException>(async () =>
        {
            await foreach (var _ in hub.StreamAsync<JsonElement>("WatchKeys", ns.Id, Array.Empty<string>(), _ct))
            {
            }
        });

        Assert.Contains(KvErrors.NoWatchedKeys, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchKeys_OnePastTheTokenLimit_HubExceptionWithTheSharedMessage()
    {
        // Arrange: every allowed stream of the token open over the hub (each has sent its first event).
        var ns = await server.CreateNamespaceAsync();
        await using var hub = await ConnectAsync(ns);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        var streams = new List<IAsyncEnumerator<JsonElement>>();
        for (var i = 0; i < PerToken; i++)
        {
            var stream = hub.StreamAsync<JsonElement>("WatchKeys", ns.Id, new[] { "k" }, stop.Token).GetAsyncEnumerator(stop.Token);
            Assert.True(await stream.MoveNextAsync());
            streams.Add(stream);
        }

        // Act
        var refusal = await Assert.ThrowsAsync<HubException>(async () =>
        {
            await foreach (var _ in hub.StreamAsync<JsonElement>("WatchKeys", ns.Id, new[] { "k" }, _ct))
            {
            }
        });

        // Assert
        Assert.Contains(KvAccessErrors.TooManyWatchStreams, refusal.Message, StringComparison.Ordinal);
        await stop.CancelAsync();
        foreach (var stream in streams)
        {
            await DisposeQuietlyAsync(stream);
        }
    }

    private async Task<HubConnection> ConnectAsync(TestNamespace ns)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(server.Http1Url + KvWatchHubEndpointRouteBuilderExtensions.Path, options => options.AccessTokenProvider = () => Task.FromResult<string?>(ns.ReadToken))
            .Build();
        await hub.StartAsync(_ct);
        return hub;
    }

    private static async Task DisposeQuietlyAsync(IAsyncEnumerator<JsonElement> stream)
    {
        try
        {
            await stream.DisposeAsync();
        }
        catch (OperationCanceledException)
        {
            // The stream was cancelled to end it.
        }
    }
}
