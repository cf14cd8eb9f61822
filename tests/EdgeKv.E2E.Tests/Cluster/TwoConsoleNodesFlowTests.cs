using EdgeKv.E2E.Tests.Infrastructure;
using EdgeKv.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EdgeKv.E2E.Tests.Cluster;

/// <summary>
/// Two console nodes on one PostgreSQL, through the browser (issue 13): a person signed in on node A is signed in on
/// node B with the same cookie, and B's namespace page shows a record written through A without a reload.
/// </summary>
public sealed class TwoConsoleNodesFlowTests(TwoConsoleNodesFixture cluster) : IClassFixture<TwoConsoleNodesFixture>
{
    private const string AuthCookie = ".EdgeKv.Auth";
    private const string Email = "roaming@example.com";

    // The record travels A's commit → PostgreSQL NOTIFY → B's change feed → B's circuit: a bound, not a pause.
    private static readonly LocatorAssertionsToContainTextOptions AcrossNodes = new() { Timeout = 30_000 };

    [Fact]
    public async Task SignedInOnNodeA_SameCookieOnNodeB_NamespacePageOnBShowsARecordWrittenThroughALive()
    {
        // Arrange: signed in on A; an open account with a namespace.
        await using var atA = await cluster.OpenPageAsync(cluster.A);
        await ConsoleUser.RegisterAsync(atA.Page, Email);
        await DomainActions.ApproveAsync(cluster.A.Services, Email);
        await DomainActions.CreateNamespacesAsync(cluster.A.Services, Email, "orders");

        // Act 1: a fresh browser on B given only A's sign-in cookie, as a load balancer would send the next request to B.
        var cookie = (await atA.Page.Context.CookiesAsync()).Single(c => c.Name == AuthCookie);
        await using var atB = await cluster.OpenPageAsync(cluster.B);
        await atB.Page.Context.AddCookiesAsync([new Cookie { Name = cookie.Name, Value = cookie.Value, Url = cluster.B.BaseUrl }]);
        await atB.Page.GotoAsync("/kv");

        // Assert 1: B's page is signed in as that person (no sign-in page), and lists A's namespace.
        await Expect(atB.Page.Locator("#user-name")).ToHaveTextAsync(Email);
        await atB.Page.Locator("a.namespace-link", new() { HasText = "orders" }).ClickAsync();
        await Expect(atB.Page.Locator("#namespace-name")).ToHaveTextAsync("orders");
        await Expect(atB.Page.Locator("#records-empty")).ToContainTextAsync("暂无记录");

        await atB.Page.EvaluateAsync("() => window.loadedOnce = true");

        // Act 2: a record written through node A's engine (as the API or a Deno client connected to A would).
        await EngineWriter.SetTextAsync(cluster.A.Services, "orders", "order-1001", "由节点 A 写入");

        // Assert 2: B's open page shows it, with no reload.
        await Expect(KvFlowTests.RecordRow(atB.Page, "order-1001")).ToContainTextAsync("由节点 A 写入", AcrossNodes);
        Assert.True(await atB.Page.EvaluateAsync<bool>("() => window.loadedOnce === true"), "B's page was reloaded");
        Assert.StartsWith(cluster.B.BaseUrl, atB.Page.Url, StringComparison.Ordinal);
        await atB.Page.Mouse.MoveAsync(0, 0);
        await Screenshots.SaveAsync(atB.Page, "cluster-node-b-live-record", toDocs: false);
        Assert.Empty(atA.Errors);
        Assert.Empty(atB.Errors);
    }
}
