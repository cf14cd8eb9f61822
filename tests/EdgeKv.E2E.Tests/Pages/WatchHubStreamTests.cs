using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EdgeKv.Api.Access;
using EdgeKv.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace EdgeKv.E2E.Tests.Pages;

/// <summary>
/// The SignalR watch hub's streams as a browser program uses them (@microsoft/signalr in Chromium): a keys watch
/// delivering a change, and a prefix watch resumed from a versionstamp reporting what changed and was deleted.
/// </summary>
public sealed class WatchHubStreamTests(ConsoleServerFixture server) : IClassFixture<ConsoleServerFixture>
{
    // Starts a hub stream in the page; its events collect in window.watchEvents. Resolves at the first event (or
    // with the error's message), so the test writes only once the watch is live.
    private const string StartStream =
        """
        async ([token, method, args]) => {
            window.watchEvents = [];
            const connection = new signalR.HubConnectionBuilder()
                .withUrl('/hubs/kv-watch', { accessTokenFactory: () => token }).build();
            await connection.start();
            return await new Promise(resolve => connection.stream(method, ...args).subscribe({
                next: event => { window.watchEvents.push(event); resolve('live'); },
                error: e => resolve(e.message),
                complete: () => resolve('complete'),
            }));
        }
        """;

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task WatchKeys_WatchedKeyWritten_StreamDeliversTheChangeWithItsVersionstamp()
    {
        // Arrange
        var (ns, token) = await TokenActions.OpenNamespaceWithTokenAsync(server.Services, "hub-keys-change@example.com");
        using var http = Api(token.Secret);
        await PutAsync(http, ns.StoreId, "a", "before");
        await using var user = await server.OpenPageAsync();
        await user.Page.GotoAsync("/watch-demo.html");
        Assert.Equal("live", await Start(user.Page, token.Secret, "WatchKeys", ns.StoreId, new[] { "a", "b" }));

        // Act
        var written = await PutAsync(http, ns.StoreId, "b", "hello");
        var events = await EventsAsync(user.Page, 2);

        // Assert: first the current state of both keys, then one event for the commit that wrote b.
        Assert.True(events[0].GetProperty("initial").GetBoolean());
        Assert.Equal("before", Key(events[0], "a").GetProperty("value").GetString());
        Assert.True(Key(events[0], "b").GetProperty("deleted").GetBoolean());
        Assert.Equal(written, events[1].GetProperty("versionstamp").GetString());
        Assert.Equal(["b"], events[1].GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("key").GetString()));
        Assert.Equal("hello", Key(events[1], "b").GetProperty("value").GetString());
    }

    [Fact]
    public async Task WatchPrefix_ResumedAfterAVersionstamp_ReportsWritesAndDeletionsMadeWhileAway()
    {
        // Arrange: the client last saw the store when p/seen was written; then p/gone is deleted and p/new written.
        var (ns, token) = await TokenActions.OpenNamespaceWithTokenAsync(server.Services, "hub-prefix-resume@example.com");
        using var http = Api(token.Secret);
        await PutAsync(http, ns.StoreId, "p/gone", "1");
        var seen = await PutAsync(http, ns.StoreId, "p/seen", "2");
        using (var delete = await http.DeleteAsync($"/api/v1/namespaces/{ns.StoreId}/values/p/gone", _ct))
        {
            Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        }

        await PutAsync(http, ns.StoreId, "p/new", "3");
        await using var user = await server.OpenPageAsync();
        await user.Page.GotoAsync("/watch-demo.html");

        // Act
        var started = await Start(user.Page, token.Secret, "WatchPrefix", ns.StoreId, "p/", seen);
        var live = await PutAsync(http, ns.StoreId, "p/seen", "changed");
        var events = await EventsAsync(user.Page, 2);

        // Assert
        Assert.Equal("live", started);
        Assert.False(events[0].GetProperty("initial").GetBoolean());
        Assert.Equal("3", Key(events[0], "p/new").GetProperty("value").GetString());
        Assert.True(Key(events[0], "p/gone").GetProperty("deleted").GetBoolean());
        Assert.Equal(2, events[0].GetProperty("keys").GetArrayLength());
        Assert.Equal(live, events[1].GetProperty("versionstamp").GetString());
        Assert.Equal("changed", Key(events[1], "p/seen").GetProperty("value").GetString());
    }

    [Fact]
    public async Task WatchPrefix_TokenOfAnotherAccount_RefusedAndNothingStreamed()
    {
        // Arrange: user A's namespace holds a key; user B has a valid token of their own.
        var (nsOfA, tokenOfA) = await TokenActions.OpenNamespaceWithTokenAsync(server.Services, "hub-owner-a@example.com");
        var (_, tokenOfB) = await TokenActions.OpenNamespaceWithTokenAsync(server.Services, "hub-other-b@example.com");
        using var http = Api(tokenOfA.Secret);
        await PutAsync(http, nsOfA.StoreId, "secret", "of A");
        await using var user = await server.OpenPageAsync();
        await user.Page.GotoAsync("/watch-demo.html");

        // Act
        var outcome = await Start(user.Page, tokenOfB.Secret, "WatchPrefix", nsOfA.StoreId, "", null);

        // Assert
        Assert.Contains(KvAccessErrors.TokenForOtherNamespace, outcome, StringComparison.Ordinal);
        Assert.Equal(0, await user.Page.EvaluateAsync<int>("() => window.watchEvents.length"));
    }

    private HttpClient Api(string token)
    {
        var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>Writes a text value through the HTTP API; returns the commit's versionstamp.</summary>
    private async Task<string> PutAsync(HttpClient http, string ns, string key, string text)
    {
        using var put = await http.PutAsync($"/api/v1/namespaces/{ns}/values/{key}", new StringContent(text), _ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        return put.Headers.ETag!.Tag.Trim('"');
    }

    private static Task<string> Start(IPage page, string token, string method, params object?[] args) =>
        page.EvaluateAsync<string>(StartStream, new object[] { token, method, args });

    /// <summary>Waits until the page has received <paramref name="count"/> events; returns them.</summary>
    private static async Task<JsonElement[]> EventsAsync(IPage page, int count)
    {
        await page.WaitForFunctionAsync($"() => window.watchEvents.length >= {count}");
        var json = await page.EvaluateAsync<string>("() => JSON.stringify(window.watchEvents)");
        return JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    private static JsonElement Key(JsonElement watchEvent, string key) =>
        watchEvent.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("key").GetString() == key);
}
