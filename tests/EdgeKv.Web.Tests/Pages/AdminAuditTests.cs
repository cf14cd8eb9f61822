using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Bindings;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Domain.Projects;
using EdgeKv.Web.Components.Pages.Admin;
using EdgeKv.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Web;

namespace EdgeKv.Web.Tests.Pages;

public sealed class AdminAuditTests : AdminPageContext
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Render_InChinese_ReadsAsSentencesWithLinksToTheObjects()
    {
        using var culture = new CultureScope("zh-Hans");
        var (alice, _) = await OpenAccountAsync("alice@example.com");
        var orders = await Get<NamespaceService>().CreateAsync(alice, "orders", cancellationToken: Cancel);
        var shop = await Get<ProjectService>().CreateAsync(alice, "shop", cancellationToken: Cancel);
        await Get<BindingService>().BindAsync(alice, orders.Id, shop.Id, "ORDERS", Cancel);

        var page = RenderAsAdmin<AdminAudit>();

        page.WaitForAssertion(() => Assert.Contains("alice@example.com 创建了命名空间 orders", Sentences(page)));
        Assert.Contains("管理员 通过了 alice@example.com 的申请", Sentences(page));
        Assert.Contains("alice@example.com 申请开通 KV 存储", Sentences(page));
        Assert.Contains("alice@example.com 创建了项目 shop", Sentences(page));
        Assert.Contains("alice@example.com 将命名空间 orders 绑定到项目 shop，变量名 ORDERS", Sentences(page));
        Assert.Equal("orders", page.Find($"[data-action='namespace.created'] a[href='/kv/{orders.Id}']").TextContent);
        Assert.Equal("shop", page.Find($"[data-action='project.created'] a[href='/projects/{shop.Id}']").TextContent);
        Assert.Equal("alice@example.com", page.Find("[data-action='account.approved'] a[href='/admin/accounts?email=alice%40example.com']").TextContent);
        Assert.Equal("admin@edgekv.local", page.Find("[data-action='account.approved'] .audit-actor").GetAttribute("title"));
        Assert.DoesNotContain("namespace.created", page.Find("#audit-grid tbody").TextContent);
        Assert.Contains("共 5 条", page.Find("#audit-search-total").TextContent);
    }

    [Fact]
    public async Task Render_InEnglish_ReadsAsEnglishSentences()
    {
        using var culture = new CultureScope("en");
        var (alice, _) = await OpenAccountAsync("alice@example.com");
        await Get<NamespaceService>().CreateAsync(alice, "orders", cancellationToken: Cancel);

        var page = RenderAsAdmin<AdminAudit>();

        page.WaitForAssertion(() => Assert.Contains("alice@example.com created namespace orders", Sentences(page)));
        Assert.Contains("Admin approved the application of alice@example.com", Sentences(page));
        Assert.Contains("3 in total", page.Find("#audit-search-total").TextContent);
    }

    [Fact]
    public async Task Render_ADeletedNamespace_ReadsAsPlainTextWithItsName()
    {
        using var culture = new CultureScope("zh-Hans");
        var (alice, _) = await OpenAccountAsync("alice@example.com");
        var temp = await Get<NamespaceService>().CreateAsync(alice, "temp", cancellationToken: Cancel);
        await Get<NamespaceService>().RenameAsync(alice, temp.Id, "scratch", Cancel);
        await Get<NamespaceService>().DeleteAsync(alice, temp.Id, Cancel);

        var page = RenderAsAdmin<AdminAudit>();

        page.WaitForAssertion(() => Assert.Contains("alice@example.com 删除了命名空间 scratch", Sentences(page)));
        Assert.Contains("alice@example.com 创建了命名空间 temp", Sentences(page));
        Assert.Contains("alice@example.com 将命名空间 temp 重命名为 scratch", Sentences(page));
        Assert.Empty(page.FindAll("a[href^='/kv/']"));
    }

    [Fact]
    public async Task Render_QuotaAndPlaces_ReadInTheConsolesUnits()
    {
        using var culture = new CultureScope("zh-Hans");
        var (_, account) = await OpenAccountAsync("alice@example.com");
        await Get<AccountApplicationService>().SetQuotaAsync(Admin, account.AccountId!.Value, 10 * 1024, 3, Cancel);
        await Get<AccountApplicationService>().SetMaxApprovedAccountsAsync(Admin, 5, Cancel);

        var page = RenderAsAdmin<AdminAudit>();

        page.WaitForAssertion(() => Assert.Contains("管理员 修改了 alice@example.com 的配额：存储容量 100 MB → 10 KB，命名空间上限 10 → 3", Sentences(page)));
        Assert.Contains("管理员 将开放名额从 不限 改为 5", Sentences(page));
    }

    [Fact]
    public async Task Reasons_ShowOnlyWhatAPersonWrote()
    {
        using var culture = new CultureScope("zh-Hans");
        var (_, applied) = await ApplicantAsync("bob@example.com", "做计数器");
        await Get<AccountApplicationService>().RejectAsync(Admin, applied.AccountId!.Value, "请补充用途", Cancel);
        await Get<AccountApplicationService>().SetMaxApprovedAccountsAsync(Admin, 5, Cancel);

        var page = RenderAsAdmin<AdminAudit>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".audit-reason").Count));
        Assert.Equal(["", "请补充用途", "做计数器"], page.FindAll(".audit-reason").Select(cell => cell.TextContent.Trim()));
    }

    [Fact]
    public async Task Search_OnEnter_KeepsTheEntriesOfThatEmail()
    {
        using var culture = new CultureScope("zh-Hans");
        await ApplicantAsync("alice@example.com");
        await ApplicantAsync("bob@example.com");
        var page = RenderAsAdmin<AdminAudit>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".audit-sentence").Count));

        page.Find("#audit-search").Input("BOB");
        page.Find("#audit-search").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        page.WaitForAssertion(() => Assert.Equal(["bob@example.com 申请开通 KV 存储"], Sentences(page)));
        Assert.Contains("共 1 条", page.Find("#audit-search-total").TextContent);
    }

    [Fact]
    public async Task ActionFilter_KeepsThatActionOnly()
    {
        using var culture = new CultureScope("zh-Hans");
        await OpenAccountAsync("alice@example.com");
        var page = RenderAsAdmin<AdminAudit>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".audit-sentence").Count));

        page.Find(".admin-action-filter .mud-select-input").MouseDown();
        Popovers.WaitForElements(".mud-popover-open .mud-list-item").Single(item => item.TextContent.Trim() == "批准申请").Click();

        page.WaitForAssertion(() => Assert.Equal(["管理员 通过了 alice@example.com 的申请"], Sentences(page)));
        Assert.Contains("共 1 条", page.Find("#audit-search-total").TextContent);
    }

    [Fact]
    public async Task Paging_ShowsFiftyAPageWithTheTotal_AndJumpsToAPage()
    {
        using var culture = new CultureScope("zh-Hans");
        for (var places = 1; places <= 55; places++)
        {
            await Get<AccountApplicationService>().SetMaxApprovedAccountsAsync(Admin, places, Cancel);
        }

        var page = RenderAsAdmin<AdminAudit>();
        page.WaitForAssertion(() => Assert.Equal(50, page.FindAll(".audit-sentence").Count));
        Assert.Contains("共 55 条", page.Find("#audit-search-total").TextContent);
        Assert.Equal("管理员 将开放名额从 54 改为 55", Sentences(page)[0]);

        page.Find("#audit-pager-jump").Change("2");
        page.Find("#audit-pager-jump").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll(".audit-sentence").Count));
        Assert.Equal("管理员 将开放名额从 不限 改为 1", Sentences(page)[^1]);
    }

    [Fact]
    public async Task Render_AsUser_IsRefused()
    {
        using var culture = new CultureScope("zh-Hans");
        var (user, _) = await OpenAccountAsync("alice@example.com");
        SignIn(user, "alice@example.com");

        var page = RenderWithProviders<AdminAudit>();

        page.WaitForAssertion(() => Assert.Contains("只有管理员可以执行此操作。", page.Find("#load-error").TextContent));
        Assert.Empty(page.FindAll(".audit-sentence"));
    }

    private static List<string> Sentences(IRenderedComponent<AdminAudit> page) =>
        page.FindAll(".audit-sentence").Select(sentence => string.Join(' ', sentence.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
}
