using System.Net;
using System.Net.Http.Headers;
using EdgeKv.Api.Access;
using EdgeKv.Core;
using EdgeKv.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace EdgeKv.E2E.Tests.Pages;

/// <summary>The SignalR watch hub in the browser: watch-demo.html streams a prefix through @microsoft/signalr.</summary>
public sealed class WatchHubFlowTests(ConsoleServerFixture server) : IClassFixture<ConsoleServerFixture>
{
    [Fact]
    public async Task WatchPrefix_KeyWrittenThroughHttpApi_PageListsTheKey()
    {
        // Arrange
        var (ns, token) = await TokenActions.OpenNamespaceWithTokenAsync(server.Services, "watch-hub@example.com");
        await using var user = await server.OpenPageAsync();
        await user.Page.GotoAsync("/watch-demo.html");
        await user.Page.Locator("#namespace").FillAsync(ns.StoreId);
        await user.Page.Locator("#token").FillAsync(token.Secret);
        await user.Page.Locator("#prefix").FillAsync("user:");
        await user.Page.Locator("#watch").ClickAsync();

        // The first (initial) event of an empty prefix says the watch is live before anything is written.
        await Expect(user.Page.Locator(".watch-event").First).ToHaveTextAsync("initial: (no keys)");

        // Act
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        using (var put = await http.PutAsync($"/api/v1/namespaces/{ns.StoreId}/values/user:1", new StringContent("ada"), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using (var other = await http.PutAsync($"/api/v1/namespaces/{ns.StoreId}/values/other", new StringContent("x"), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        // Assert: one change event with the key and its value; the key outside the prefix is not listed.
        await Expect(user.Page.Locator(".watch-event")).ToHaveCountAsync(2);
        await Expect(user.Page.Locator(".watch-event").Nth(1)).ToContainTextAsync("user:1=\"ada\"");
        await Expect(user.Page.Locator("#events")).Not.ToContainTextAsync("other");
        await Expect(user.Page.Locator("#error")).ToBeEmptyAsync();
        await user.ScreenshotAsync("watch-demo");
    }

    [Fact]
    public async Task WatchPrefix_BadToken_PageShowsTheRefusal()
    {
        // Arrange
        var (ns, _) = await TokenActions.OpenNamespaceWithTokenAsync(server.Services, "watch-hub-refused@example.com");
        await using var user = await server.OpenPageAsync();
        await user.Page.GotoAsync("/watch-demo.html");
        await user.Page.Locator("#namespace").FillAsync(ns.StoreId);
        await user.Page.Locator("#token").FillAsync("ekv_not-a-real-token");

        // Act
        await user.Page.Locator("#watch").ClickAsync();

        // Assert
        await Expect(user.Page.Locator("#error")).ToContainTextAsync(KvAccessErrors.InvalidAccessToken);
        await Expect(user.Page.Locator(".watch-event")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task WatchKeys_ElevenKeys_RefusedWithTheEngineMessage()
    {
        // Arrange
        var (ns, token) = await TokenActions.OpenNamespaceWithTokenAsync(server.Services, "watch-hub-keys@example.com");
        await using var user = await server.OpenPageAsync();
        await user.Page.GotoAsync("/watch-demo.html");

        // Act: the page's SignalR client streams WatchKeys with 11 keys and reports how the stream ended.
        var outcome = await user.Page.EvaluateAsync<string>(
            """
            async ([ns, token]) => {
                const connection = new signalR.HubConnectionBuilder()
                    .withUrl('/hubs/kv-watch', { accessTokenFactory: () => token }).build();
                await connection.start();
                const keys = Array.from({ length: 11 }, (_, i) => `k${i}`);
                try {
                    return await new Promise(resolve => connection.stream('WatchKeys', ns, keys).subscribe({
                        next: () => resolve('event'),
                        error: e => resolve(e.message),
                        complete: () => resolve('complete'),
                    }));
                } finally {
                    await connection.stop();
                }
            }
            """,
            new[] { ns.StoreId, token.Secret });

        // Assert
        Assert.Contains(KvErrors.TooManyWatchedKeys, outcome, StringComparison.Ordinal);
    }
}
