using System.Text.RegularExpressions;
using EdgeKv.Core.Replication;
using EdgeKv.Domain.Nodes;
using EdgeKv.Domain.Storage;
using EdgeKv.Web.Components.Pages.Admin.Nodes;
using EdgeKv.Web.Tests.Infrastructure;
using MudBlazor.Interop;

namespace EdgeKv.Web.Tests.Pages.Nodes;

/// <summary>
/// 节点: the cluster's nodes as their heartbeats (recorded through the real writer in the real admin database) left
/// them, live after every heartbeat; refused to users.
/// </summary>
public sealed class AdminNodesTests : AdminPageContext
{
    private static readonly TimeSpan LiveTimeout = TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private NodeHeartbeatWriter Writer => Get<NodeHeartbeatWriter>();

    [Fact]
    public async Task OneSqliteNode_ShowsThisNodeWithoutAReplicaAndHowToConfigureOneInChinese()
    {
        // Arrange: this node's heartbeat, as the host writes it every few seconds.
        using var culture = new CultureScope("zh-Hans");
        await Writer.WriteAsync(Get<ThisNode>().Beat(), Ct);

        // Act
        var page = RenderAsAdmin<AdminNodes>();

        // Assert
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#node-grid tbody tr")), LiveTimeout);
        Assert.Equal("节点", page.Find("#nodes-title").TextContent.Trim());
        var row = page.Find("#node-grid tbody tr");
        Assert.Contains("本节点", row.QuerySelector(".node-name")!.TextContent);
        Assert.Equal("SQLite", row.QuerySelector(".node-engine")!.TextContent.Trim());
        Assert.Equal("在线", row.QuerySelector(".node-status")!.TextContent.Trim());
        Assert.Equal("未配置", row.QuerySelector(".node-replica")!.TextContent.Trim());
        Assert.Equal("—", row.QuerySelector(".node-lag")!.TextContent.Trim());
        Assert.Equal("—", row.QuerySelector(".node-max-lag")!.TextContent.Trim());
        Assert.Equal("刚刚", row.QuerySelector(".node-last-seen")!.TextContent.Trim());
        Assert.Contains("没有节点配置只读副本", page.Find("#nodes-no-replica").TextContent);
        Assert.Contains("docs/cluster.md", page.Find("#nodes-no-replica").TextContent);
        Assert.Contains("暂无延迟数据", page.Find("#nodes-lag-empty").TextContent);
    }

    [Fact]
    public async Task NodesWithReplicasServingBehindUnreachableAndAnOfflineNode_EachRowSaysItsStateInEnglish()
    {
        // Arrange: four other nodes' heartbeats, one of them two minutes old.
        using var culture = new CultureScope("en");
        JSInterop.Setup<ElementSize>("mudObserveElementSize", _ => true).SetResult(new ElementSize { Width = 900, Height = 260, Timestamp = 1 });
        var now = DateTime.UtcNow;
        var b = Guid.NewGuid();
        await Writer.WriteAsync(Beat("edge-b", now.AddSeconds(-4), Replica(KvReplicaHealth.Serving, TimeSpan.FromMilliseconds(400)), b), Ct);
        await Writer.WriteAsync(Beat("edge-b", now, Replica(KvReplicaHealth.Serving, TimeSpan.FromMilliseconds(1200)), b), Ct);
        await Writer.WriteAsync(Beat("edge-c", now, Replica(KvReplicaHealth.Behind, TimeSpan.FromSeconds(95))), Ct);
        await Writer.WriteAsync(Beat("edge-d", now, Replica(KvReplicaHealth.Unreachable, null)), Ct);
        await Writer.WriteAsync(Beat("edge-e", now.AddMinutes(-2), KvReplicaState.NotConfigured), Ct);

        // Act
        var page = RenderAsAdmin<AdminNodes>();

        // Assert: online nodes by name, then the offline one.
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("#node-grid tbody tr").Count), LiveTimeout);
        Assert.Equal(["edge-b", "edge-c", "edge-d", "edge-e"], page.FindAll(".node-name").Select(cell => cell.GetAttribute("data-node")));
        Assert.Equal(["Serving", "Behind", "Unreachable", "Not configured"], Texts(page, ".node-replica .mud-chip"));
        Assert.Equal("connection refused", page.FindAll(".node-replica-state")[2].GetAttribute("title"));
        var fallbacks = page.FindAll(".node-fallback");
        Assert.Equal(["edge-c", "edge-d"], fallbacks.Select(note => note.Closest("tr")!.QuerySelector(".node-name")!.GetAttribute("data-node")));
        Assert.All(fallbacks, note => Assert.Equal("Eventual reads go to the primary", note.TextContent.Trim()));
        Assert.Equal(["1.2 s", "95 s", "—", "—"], Texts(page, ".node-lag"));
        Assert.Equal(["60 s", "60 s", "60 s", "—"], Texts(page, ".node-max-lag"));
        Assert.Equal(["Online", "Online", "Online", "Offline"], Texts(page, ".node-status"));
        Assert.Equal(["PostgreSQL", "PostgreSQL", "PostgreSQL", "PostgreSQL"], Texts(page, ".node-engine"));
        Assert.Equal("2 min ago", Texts(page, ".node-last-seen")[3]);
        Assert.Empty(page.FindAll(".node-this"));
        Assert.Empty(page.FindAll("#nodes-no-replica"));

        // The two nodes with a measured lag are drawn and named in the legend (the browser test counts the lines).
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#nodes-lag path.mud-chart-line")), LiveTimeout);
        Assert.Equal(["edge-b", "edge-c"], page.FindAll("#nodes-lag .mud-chart-legend-item").Select(item => item.TextContent.Trim()));
    }

    [Fact]
    public async Task HeartbeatWhileShown_TheNodeAppearsWithoutAReload()
    {
        using var culture = new CultureScope("en");
        await Writer.WriteAsync(Get<ThisNode>().Beat(), Ct);
        var page = RenderAsAdmin<AdminNodes>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#node-grid tbody tr")), LiveTimeout);

        await Writer.WriteAsync(Beat("edge-b", DateTime.UtcNow, Replica(KvReplicaHealth.Behind, TimeSpan.FromSeconds(75))), Ct);

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("#node-grid tbody tr").Count), LiveTimeout);
        Assert.Equal("Behind", page.Find("[data-node='edge-b']").ParentElement!.QuerySelector(".node-replica .mud-chip")!.TextContent.Trim());
    }

    [Fact]
    public async Task AsAUser_RefusedAndShowsNoNode()
    {
        using var culture = new CultureScope("zh-Hans");
        await Writer.WriteAsync(Beat("edge-secret", DateTime.UtcNow, Replica(KvReplicaHealth.Serving, TimeSpan.FromSeconds(1))), Ct);
        var ann = await CreateUserAsync("ann@example.com");
        SignIn(ann, "ann@example.com");

        var page = RenderWithProviders<AdminNodes>();

        page.WaitForAssertion(() => Assert.Contains("只有管理员可以执行此操作。", page.Find("#nodes-load-error").TextContent), LiveTimeout);
        Assert.Empty(page.FindAll("#node-grid"));
        Assert.DoesNotContain("edge-secret", page.Markup);
    }

    private static NodeBeat Beat(string name, DateTime at, KvReplicaState replica, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), name, "http://127.0.0.1:7210", StorageProvider.Postgres, at.AddHours(-1), at, TimeSpan.FromSeconds(5), replica);

    private static KvReplicaState Replica(KvReplicaHealth health, TimeSpan? lag) =>
        new(health, lag, KvReplicaState.DefaultMaxLag, lag is null ? null : DateTimeOffset.UtcNow, lag is null ? "connection refused" : null);

    private static List<string> Texts(IRenderedComponent<AdminNodes> page, string selector) =>
        [.. page.FindAll(selector).Select(cell => Regex.Replace(cell.TextContent, @"\s+", " ").Trim())];
}
