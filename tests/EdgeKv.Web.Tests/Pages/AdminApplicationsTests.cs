using EdgeKv.Domain.Accounts;
using EdgeKv.Web.Components.Pages.Admin;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Pages;

public sealed class AdminApplicationsTests : ConsolePageContext
{
    [Fact]
    public async Task Apply_WhileQueueIsOpen_TheApplicationAppearsLive()
    {
        using var culture = new CultureScope("zh-Hans");
        var applicant = await CreateUserAsync("applicant@example.com");
        SignIn(Admin, "admin@edgekv.local");
        var page = Render<AdminApplications>();
        page.WaitForAssertion(() => Assert.Contains("暂无待审核的申请。", page.Find("#application-grid").TextContent));

        await Get<AccountApplicationService>().ApplyAsync(applicant, "做计数器", TestContext.Current.CancellationToken);

        page.WaitForAssertion(() => Assert.Contains("做计数器", page.Find("#application-grid").TextContent), TimeSpan.FromSeconds(10));
        Assert.Single(page.FindAll("button.approve[data-email='applicant@example.com']"));
    }

    [Fact]
    public async Task Approve_FromTheQueue_OpensTheAccountAndEmptiesTheQueue()
    {
        var applicant = await CreateUserAsync("approve-me@example.com");
        await Get<AccountApplicationService>().ApplyAsync(applicant, null, TestContext.Current.CancellationToken);
        SignIn(Admin, "admin@edgekv.local");
        var page = Render<AdminApplications>();
        page.WaitForElement("button.approve");

        page.Find("button.approve").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("button.approve")));
        var account = await Get<AccountApplicationService>().GetMyAccountAsync(applicant, TestContext.Current.CancellationToken);
        Assert.Equal(KvAccountStatus.Approved, account.Status);
    }

    [Fact]
    public async Task Approve_WhenEveryPlaceIsTaken_SaysSoAndTheApplicationStaysPending()
    {
        using var culture = new CultureScope("zh-Hans");
        var applicant = await CreateUserAsync("waiting@example.com");
        await Get<AccountApplicationService>().ApplyAsync(applicant, null, TestContext.Current.CancellationToken);
        await Get<AccountApplicationService>().SetMaxApprovedAccountsAsync(Admin, 0, TestContext.Current.CancellationToken);
        SignIn(Admin, "admin@edgekv.local");
        var page = Render<AdminApplications>();
        page.WaitForAssertion(() => Assert.Contains("已开通账户：0 / 0 个名额。", page.Find("#places-summary").TextContent));

        page.Find("button.approve").Click();

        page.WaitForAssertion(() => Assert.Contains(
            Get<Radzen.NotificationService>().Messages,
            message => message.Summary == "名额已满：平台最多开通 0 个账户，该申请保持待审核。"));
        var account = await Get<AccountApplicationService>().GetMyAccountAsync(applicant, TestContext.Current.CancellationToken);
        Assert.Equal(KvAccountStatus.Pending, account.Status);
    }
}
