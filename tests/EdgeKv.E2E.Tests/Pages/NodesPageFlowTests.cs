using EdgeKv.Core.Replication;
using EdgeKv.Domain.Nodes;
using EdgeKv.Domain.Storage;
using EdgeKv.E2E.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace EdgeKv.E2E.Tests.Pages;

/// <summary>
/// 节点 in the real browser on the real host: the host's own heartbeat lists it (SQLite, no replica, its console
/// address); then three other nodes' heartbeats with replicas serving, behind and unreachable, recorded over the last
/// ten minutes as those nodes would, appear live with the lag chart; both languages, 1024 and 1440 px, nothing cut,
/// overflowing or untranslated.
/// </summary>
public sealed class NodesPageFlowTests(ConsoleServerFixture server) : IClassFixture<ConsoleServerFixture>
{
    private static readonly (int Width, string Language, string Suffix)[] Views =
        [(1440, "zh-Hans", "zh"), (1440, "en", "en"), (1024, "zh-Hans", "zh-1024"), (1024, "en", "en-1024")];

    // Other nodes beat once a minute here, so they stay online however long the four views take on a busy machine.
    private static readonly TimeSpan OtherNodesInterval = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task NodesPage_ThisNodeThenAClusterWithReplicas_ShownLiveInBothLanguages()
    {
        // Arrange
        await using var admin = await server.OpenPageAsync(1440);
        await ConsoleUser.SignInAsync(admin.Page, ConsoleUser.AdminEmail, ConsoleUser.AdminPassword);
        var page = admin.Page;
        var problems = new List<string>();

        // Act and assert: this node alone, as a SQLite install shows it.
        await page.GotoAsync($"/culture/set?culture=zh-Hans&returnUrl={Uri.EscapeDataString("/admin/nodes")}");
        var thisRow = page.Locator("#node-grid tbody tr").Filter(new() { Has = page.Locator(".node-this") });
        await Expect(thisRow.Locator(".node-address")).ToHaveTextAsync(new Uri(server.BaseUrl).Authority);
        await Expect(thisRow.Locator(".node-replica")).ToHaveTextAsync("未配置");
        await Expect(page.Locator("#nodes-no-replica")).ToContainTextAsync("docs/cluster.md");
        await Screenshots.SaveAsync(page, "admin-nodes-single-zh");
        problems.AddRange(await LayoutProblems.OfAsync(page, "zh-Hans"));

        // Act: three other nodes report, while the page is open.
        await RecordOtherNodesAsync();

        // Assert: they appear without a reload, then every view.
        await Expect(page.Locator("#node-grid tbody tr")).ToHaveCountAsync(4);
        foreach (var (width, language, suffix) in Views)
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.GotoAsync($"/culture/set?culture={language}&returnUrl={Uri.EscapeDataString("/admin/nodes")}");
            await Expect(page.Locator("#node-grid tbody tr")).ToHaveCountAsync(4);
            await Expect(page.Locator("#nodes-lag path.mud-chart-line")).ToHaveCountAsync(2);
            await Expect(page.Locator("[data-health='Behind']")).ToHaveTextAsync(language == "en" ? "Behind" : "落后");
            await Screenshots.SaveAsync(page, $"admin-nodes-{suffix}");
            problems.AddRange((await LayoutProblems.OfAsync(page, language)).Select(problem => $"{width} px, {language}: {problem}"));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Empty(admin.Errors);
    }

    /// <summary>edge-b's replica within its bound, edge-c's falling behind past it, edge-d's not answering: a beat every 30 s for ten minutes.</summary>
    private async Task RecordOtherNodesAsync()
    {
        var writer = server.Services.GetRequiredService<NodeHeartbeatWriter>();
        var now = DateTime.UtcNow;
        var (b, c, d) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        for (var i = 20; i >= 0; i--)
        {
            var at = now.AddSeconds(-30 * i);
            await writer.WriteAsync(Beat(b, "edge-b", at, KvReplicaHealth.Serving, TimeSpan.FromMilliseconds(300 + (i % 4 * 250))), TestContext.Current.CancellationToken);
            var behind = TimeSpan.FromSeconds(5 * (20 - i));
            await writer.WriteAsync(Beat(c, "edge-c", at, behind > KvReplicaState.DefaultMaxLag ? KvReplicaHealth.Behind : KvReplicaHealth.Serving, behind), TestContext.Current.CancellationToken);
            await writer.WriteAsync(Beat(d, "edge-d", at, KvReplicaHealth.Unreachable, null), TestContext.Current.CancellationToken);
        }
    }

    private static NodeBeat Beat(Guid id, string name, DateTime at, KvReplicaHealth health, TimeSpan? lag) => new(
        id, name, $"http://10.0.0.{name[^1] - 'a'}:5080", StorageProvider.Postgres, at.AddHours(-2).Date, at, OtherNodesInterval,
        new KvReplicaState(health, lag, KvReplicaState.DefaultMaxLag, lag is null ? null : new DateTimeOffset(at, TimeSpan.Zero), lag is null ? "connection refused" : null));
}
