using EdgeKv.Domain.Accounts;
using EdgeKv.Web.Components.Pages.Admin;
using EdgeKv.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Web;

namespace EdgeKv.Web.Tests.Pages;

public sealed class AdminApplicationsTests : AdminPageContext
{
    [Fact]
    public async Task Apply_WhileQueueIsOpen_TheApplicationAppearsLive()
    {
        using var culture = new CultureScope("zh-Hans");
        var applicant = await CreateUserAsync("applicant@example.com");
        var page = RenderAsAdmin<AdminApplications>();
        page.WaitForAssertion(() => Assert.Contains("暂无待审核的申请。", page.Find("#application-grid").TextContent));

        await Get<AccountApplicationService>().ApplyAsync(applicant, "做计数器", TestContext.Current.CancellationToken);

        page.WaitForAssertion(() => Assert.Contains("做计数器", page.Find("#application-grid").TextContent), TimeSpan.FromSeconds(10));
        Assert.Single(page.FindAll("button.approve[data-email='applicant@example.com']"));
    }

    [Fact]
    public async Task Render_InChinese_ShowsHeaderStatusChipsCountAndActions()
    {
        using var culture = new CultureScope("zh-Hans");
        await ApplicantAsync("a@example.com", "做计数器");
        await ApplicantAsync("b@example.com");

        var page = RenderAsAdmin<AdminApplications>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("#application-grid tbody tr.mud-table-row").Count));
        Assert.Equal("申请审批", page.Find("#applications-title").TextContent.Trim());
        Assert.Contains("审核 KV 存储的开通申请", page.Find(".page-description").TextContent);
        Assert.All(page.FindAll(".status-chip"), chip => Assert.Contains("审核中", chip.TextContent));
        Assert.Contains("共 2 条", page.Find("#application-search-total").TextContent);
        Assert.Equal("通过", page.Find("button.approve[data-email='a@example.com']").TextContent.Trim());
        Assert.Equal("拒绝", page.Find("button.reject[data-email='a@example.com']").TextContent.Trim());
        Assert.Contains("已开通账户：0 个（名额不限）。", page.Find("#places-summary").TextContent);
    }

    [Fact]
    public async Task Render_InEnglish_SpeaksEnglish()
    {
        using var culture = new CultureScope("en");
        await ApplicantAsync("a@example.com");

        var page = RenderAsAdmin<AdminApplications>();

        page.WaitForAssertion(() => Assert.Contains("In review", page.Find(".status-chip").TextContent));
        Assert.Equal("Approve", page.Find("button.approve").TextContent.Trim());
        Assert.Contains("1 in total", page.Find("#application-search-total").TextContent);
    }

    [Fact]
    public async Task Search_OnEnter_KeepsOnlyMatchingEmails()
    {
        using var culture = new CultureScope("zh-Hans");
        await ApplicantAsync("alice@example.com");
        await ApplicantAsync("bob@example.com");
        var page = RenderAsAdmin<AdminApplications>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("button.approve").Count));

        page.Find("#application-search").Input("BOB");
        Assert.Equal(2, page.FindAll("button.approve").Count);
        page.Find("#application-search").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        page.WaitForAssertion(() => Assert.Single(page.FindAll("button.approve[data-email='bob@example.com']")));
        Assert.Single(page.FindAll("button.approve"));
        Assert.Contains("共 1 条", page.Find("#application-search-total").TextContent);
    }

    [Fact]
    public async Task Approve_FromTheQueue_OpensTheAccountAndEmptiesTheQueue()
    {
        using var culture = new CultureScope("zh-Hans");
        var (applicant, _) = await ApplicantAsync("approve-me@example.com");
        var page = RenderAsAdmin<AdminApplications>();
        page.WaitForElement("button.approve");

        page.Find("button.approve").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("button.approve")));
        Assert.Contains("已通过 approve-me@example.com 的申请。", SnackbarTexts);
        var account = await Get<AccountApplicationService>().GetMyAccountAsync(applicant, TestContext.Current.CancellationToken);
        Assert.Equal(KvAccountStatus.Approved, account.Status);
    }

    [Fact]
    public async Task Approve_WhenEveryPlaceIsTaken_SaysSoAndTheApplicationStaysPending()
    {
        using var culture = new CultureScope("zh-Hans");
        var (applicant, _) = await ApplicantAsync("waiting@example.com");
        await Get<AccountApplicationService>().SetMaxApprovedAccountsAsync(Admin, 0, TestContext.Current.CancellationToken);
        var page = RenderAsAdmin<AdminApplications>();
        page.WaitForAssertion(() => Assert.Contains("已开通账户：0 / 0 个名额。", page.Find("#places-summary").TextContent));

        page.Find("button.approve").Click();

        page.WaitForAssertion(() => Assert.Contains("名额已满：平台最多开通 0 个账户，该申请保持待审核。", SnackbarTexts));
        var account = await Get<AccountApplicationService>().GetMyAccountAsync(applicant, TestContext.Current.CancellationToken);
        Assert.Equal(KvAccountStatus.Pending, account.Status);
    }

    [Fact]
    public async Task Reject_WithoutReason_IsRefusedInTheDialog_ThenRejectsWithTheReason()
    {
        using var culture = new CultureScope("zh-Hans");
        var (applicant, _) = await ApplicantAsync("reject-me@example.com");
        var page = RenderAsAdmin<AdminApplications>();
        page.WaitForElement("button.reject");

        page.Find("button.reject").Click();
        DialogHost.WaitForElement("#dialog-submit").Click();
        DialogHost.WaitForAssertion(() => Assert.Equal("请填写原因。", DialogHost.Find("#dialog-error").TextContent.Trim()));
        DialogHost.Find("#reason").Input("请补充用途");
        DialogHost.Find("#dialog-submit").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("button.reject")));
        Assert.Contains("已拒绝 reject-me@example.com。", SnackbarTexts);
        var account = await Get<AccountApplicationService>().GetMyAccountAsync(applicant, TestContext.Current.CancellationToken);
        Assert.Equal(KvAccountStatus.Rejected, account.Status);
        Assert.Equal("请补充用途", account.DecisionReason);
    }

    [Fact]
    public async Task Render_AsUser_IsRefused()
    {
        using var culture = new CultureScope("zh-Hans");
        var user = await CreateUserAsync("user@example.com");
        await ApplicantAsync("other@example.com");
        SignIn(user, "user@example.com");

        var page = RenderWithProviders<AdminApplications>();

        page.WaitForAssertion(() => Assert.Contains("只有管理员可以执行此操作。", page.Find("#load-error").TextContent));
        Assert.Empty(page.FindAll("button.approve"));
    }
}
