using Bunit.TestDoubles;
using EdgeKv.Domain.Records;
using EdgeKv.Domain.Usage;
using EdgeKv.Web.Components.Pages.Admin;
using EdgeKv.Web.Components.Pages.Kv;
using EdgeKv.Web.Components.Pages.Usage;
using EdgeKv.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Interop;

namespace EdgeKv.Web.Tests.Pages;

/// <summary>
/// 用量: a namespace's usage charts for its owner, the platform's for admins, live after every flush of the real
/// engine's counters into the real admin database; refused to anyone else.
/// </summary>
public sealed class UsageHistoryTests : AdminPageContext
{
    private static readonly TimeSpan LiveTimeout = TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NamespaceUsage_NothingRecorded_ShowsTheEmptyStateInChinese()
    {
        using var culture = new CultureScope("zh-Hans");
        var (_, namespaces) = await OpenUserAsync("ann@example.com", "orders");

        var panel = RenderWithProviders<NamespaceUsagePanel>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));

        panel.WaitForAssertion(() => Assert.Contains("暂无用量数据", panel.Find("#usage-empty").TextContent));
        Assert.Contains("近 1 小时", panel.Find("#usage-range").TextContent);
        Assert.Empty(panel.FindAll("#usage-totals"));
    }

    [Fact]
    public async Task NamespaceUsage_WritesFlushedWhileShown_TotalsAndChartsAppearWithoutAReload()
    {
        // Arrange
        using var culture = new CultureScope("zh-Hans");
        var (ann, namespaces) = await OpenUserAsync("ann@example.com", "orders");

        // The charts fit their drawing to the element's size, which the browser reports; here, a laptop's card.
        JSInterop.Setup<ElementSize>("mudObserveElementSize", _ => true).SetResult(new ElementSize { Width = 600, Height = 260, Timestamp = 1 });
        var panel = RenderWithProviders<NamespaceUsagePanel>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));
        panel.WaitForElement("#usage-empty");
        var records = Get<RecordService>();

        // Act: three writes, a read and a delete through the console's path, then the flush the host runs on a timer.
        for (var i = 0; i < 3; i++)
        {
            await records.PutAsync(ann, namespaces[0].Id, $"k{i}", new string('x', 2000), cancellationToken: Ct);
        }

        await records.GetAsync(ann, namespaces[0].Id, "k0", Ct);
        await records.DeleteAsync(ann, namespaces[0].Id, "k2", Ct);
        await Get<UsageRecorder>().FlushAsync(Ct);

        // Assert
        panel.WaitForAssertion(() => Assert.Equal("3", panel.Find("#usage-total-writes .usage-total-value").TextContent), LiveTimeout);
        Assert.Equal("1", panel.Find("#usage-total-deletes .usage-total-value").TextContent);
        Assert.Equal("1", panel.Find("#usage-total-reads .usage-total-value").TextContent);
        Assert.EndsWith("KB", panel.Find("#usage-total-stored .usage-total-value").TextContent, StringComparison.Ordinal);
        Assert.Contains("每分钟操作次数", panel.Find("#usage-operations").TextContent);
        panel.WaitForAssertion(() => Assert.Equal(4, panel.FindAll("#usage-operations path.mud-chart-line").Count), LiveTimeout);
        Assert.Equal(["读取", "列出", "写入", "删除"], panel.FindAll("#usage-operations .mud-chart-legend-item").Select(item => item.TextContent.Trim()));
        Assert.NotEmpty(panel.FindAll("#usage-stored path.mud-chart-line"));
        Assert.Contains(panel.FindAll("#usage-stored svg text"), label => label.TextContent.EndsWith(" KB", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NamespaceUsage_RangeSwitchedToADay_ShowsTenMinuteBuckets()
    {
        using var culture = new CultureScope("en");
        var (ann, namespaces) = await OpenUserAsync("ann@example.com", "orders");
        await Get<RecordService>().PutAsync(ann, namespaces[0].Id, "k", "v", cancellationToken: Ct);
        await Get<UsageRecorder>().FlushAsync(Ct);
        var panel = RenderWithProviders<NamespaceUsagePanel>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));
        panel.WaitForElement("#usage-totals");

        panel.FindAll("#usage-range button").Single(b => b.TextContent.Contains("Last 24 hours", StringComparison.Ordinal)).Click();

        panel.WaitForAssertion(() => Assert.Contains("Operations per 10 minutes", panel.Find("#usage-operations").TextContent), LiveTimeout);
        Assert.Equal("1", panel.Find("#usage-total-writes .usage-total-value").TextContent);
    }

    [Fact]
    public async Task NamespaceUsage_ByUrlAsAnotherUser_ReadsAsNotFoundAndShowsNothing()
    {
        // Arrange: Alice's namespace has usage; Bob types its usage address.
        using var culture = new CultureScope("zh-Hans");
        var (alice, namespaces) = await OpenUserAsync("alice@example.com", "private");
        await Get<RecordService>().PutAsync(alice, namespaces[0].Id, "secret", "42", cancellationToken: Ct);
        await Get<UsageRecorder>().FlushAsync(Ct);
        await OpenUserAsync("bob@example.com");
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo($"kv/{namespaces[0].Id}/usage");

        // Act
        var page = RenderWithProviders<NamespaceDetail>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));
        var panel = Render<NamespaceUsagePanel>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));

        // Assert
        page.WaitForAssertion(() => Assert.Contains("未找到命名空间。", page.Find("#load-error").TextContent));
        panel.WaitForAssertion(() => Assert.Contains("未找到命名空间。", panel.Find("#usage-load-error").TextContent));
        Assert.Empty(panel.FindAll("#usage-totals"));
        Assert.DoesNotContain("private", page.Markup);
    }

    [Fact]
    public async Task NamespaceDetail_UsageAddress_OpensTheUsageTab()
    {
        using var culture = new CultureScope("zh-Hans");
        var (_, namespaces) = await OpenUserAsync("ann@example.com", "orders");
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo($"kv/{namespaces[0].Id}/usage");

        var page = RenderWithProviders<NamespaceDetail>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));

        page.WaitForAssertion(() => Assert.Contains("暂无用量数据", page.Find("#usage-empty").TextContent));
    }

    [Fact]
    public async Task AdminUsage_TwoUsersNamespaces_SummedForTheAdminInEnglish()
    {
        // Arrange
        using var culture = new CultureScope("en");
        var (ann, annNamespaces) = await OpenUserAsync("ann@example.com", "a");
        var (bob, bobNamespaces) = await OpenUserAsync("bob@example.com", "b");
        await Get<RecordService>().PutAsync(ann, annNamespaces[0].Id, "k", "v", cancellationToken: Ct);
        await Get<RecordService>().PutAsync(bob, bobNamespaces[0].Id, "k", "v", cancellationToken: Ct);
        await Get<UsageRecorder>().FlushAsync(Ct);

        // Act
        var page = RenderAsAdmin<AdminUsage>();

        // Assert
        page.WaitForAssertion(() => Assert.Equal("2", page.Find("#usage-total-writes .usage-total-value").TextContent), LiveTimeout);
        Assert.Equal("Usage", page.Find("#usage-title").TextContent.Trim());
        Assert.Contains("Writes", page.Find("#usage-totals").TextContent);
        Assert.Contains("Operations per minute", page.Find("#usage-operations").TextContent);
    }

    [Fact]
    public async Task AdminUsage_AsAUser_IsRefused()
    {
        using var culture = new CultureScope("zh-Hans");
        var (ann, namespaces) = await OpenUserAsync("ann@example.com", "a");
        await Get<RecordService>().PutAsync(ann, namespaces[0].Id, "k", "v", cancellationToken: Ct);
        await Get<UsageRecorder>().FlushAsync(Ct);

        var page = RenderWithProviders<AdminUsage>();

        page.WaitForAssertion(() => Assert.Contains("只有管理员可以执行此操作。", page.Find("#usage-load-error").TextContent));
        Assert.Empty(page.FindAll("#usage-totals"));
    }
}
