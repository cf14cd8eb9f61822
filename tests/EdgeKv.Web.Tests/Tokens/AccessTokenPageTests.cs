using EdgeKv.Domain.Tokens;
using EdgeKv.Web.Components.Pages.Tokens;
using EdgeKv.Web.Tests.Infrastructure;
using Radzen.Blazor;

namespace EdgeKv.Web.Tests.Tokens;

/// <summary>访问令牌: the create dialog, the secret shown once, revoking, live updates and who sees which tokens.</summary>
public sealed class AccessTokenPageTests : ConsolePageContext
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_EmptyName_ShowsRuleAndCreatesNothing()
    {
        using var culture = new CultureScope("en");
        var (user, _) = await OpenUserAsync("a@example.com", "main");
        var dialog = Render<CreateTokenDialog>();

        dialog.Find("#token-all").Click();
        dialog.Find("#dialog-submit").Click();

        Assert.Equal("A token name is 1 to 64 characters, without control characters.", dialog.Find("#dialog-error").TextContent);
        Assert.Empty(await Get<AccessTokenService>().ListAsync(user, cancellationToken: Ct));
    }

    [Fact]
    public async Task Create_NoNamespaceChosen_ShowsScopeRuleAndCreatesNothing()
    {
        using var culture = new CultureScope("zh-Hans");
        var (user, _) = await OpenUserAsync("a@example.com", "main");
        var dialog = Render<CreateTokenDialog>();

        dialog.Find("#token-name").Change("ci");
        dialog.Find("#dialog-submit").Click();

        Assert.Equal("请至少选择一个命名空间，或选择全部命名空间。", dialog.Find("#dialog-error").TextContent);
        Assert.Empty(await Get<AccessTokenService>().ListAsync(user, cancellationToken: Ct));
    }

    [Fact]
    public async Task Create_AllNamespaces_ShowsSecretOnceWithWarningAndTheListNeverShowsIt()
    {
        using var culture = new CultureScope("zh-Hans");
        var (user, _) = await OpenUserAsync("a@example.com", "main");
        var dialog = Render<CreateTokenDialog>();

        dialog.Find("#token-name").Change("deploy");
        dialog.Find("#token-all").Click();
        dialog.Find("#dialog-submit").Click();

        // The secret is shown with the warning, and it is the one programs use.
        dialog.WaitForAssertion(() => Assert.NotEmpty(dialog.FindAll("#token-secret")));
        var secret = dialog.Find("#token-secret").TextContent;
        Assert.Contains("仅显示一次", dialog.Find("#secret-warning").TextContent);
        var token = Assert.Single(await Get<AccessTokenService>().ListAsync(user, cancellationToken: Ct));
        Assert.True(token.AllNamespaces);
        Assert.StartsWith(token.Prefix, secret, StringComparison.Ordinal);

        // After the dialog: the list shows the token but not its secret; a new dialog starts empty.
        var list = Render<TokenList>();
        list.WaitForAssertion(() => Assert.Contains("deploy", list.Find("#token-grid").TextContent));
        Assert.DoesNotContain(secret, list.Markup);
        var again = Render<CreateTokenDialog>();
        Assert.Empty(again.FindAll("#token-secret"));
    }

    [Fact]
    public async Task Revoke_Confirmed_TokenShowsRevokedAndNoLongerResolves()
    {
        using var culture = new CultureScope("zh-Hans");
        var (user, namespaces) = await OpenUserAsync("a@example.com", "main");
        var created = await Get<AccessTokenService>().CreateAsync(user, new NewAccessToken("ci", [namespaces[0].Id], AccessTokenPermission.ReadWrite), Ct);
        var dialogs = Render<RadzenDialog>();
        var list = Render<TokenList>();
        list.WaitForAssertion(() => Assert.NotEmpty(list.FindAll("button.revoke-token")));

        list.Find("button.revoke-token").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("确定撤销访问令牌“ci”吗", dialogs.Markup));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "撤销").Click();

        list.WaitForAssertion(() => Assert.Equal("已撤销", list.Find(".token-status").TextContent));
        Assert.Empty(list.FindAll("button.revoke-token"));
        var resolution = await Get<AccessTokenService>().ResolveAsync(created.Secret, namespaces[0].StoreId, AccessTokenUse.Read, Ct);
        Assert.False(resolution.IsGranted);
    }

    [Fact]
    public async Task List_TokenCreatedElsewhere_AppearsLive()
    {
        var (user, namespaces) = await OpenUserAsync("a@example.com", "main");
        var list = Render<TokenList>();
        list.WaitForAssertion(() => Assert.NotEmpty(list.FindAll("#token-grid")));

        await Get<AccessTokenService>().CreateAsync(user, new NewAccessToken("from-elsewhere", [namespaces[0].Id], AccessTokenPermission.ReadOnly), Ct);

        list.WaitForAssertion(() => Assert.Contains("from-elsewhere", list.Find("#token-grid").TextContent));
    }

    [Fact]
    public async Task List_UserB_DoesNotSeeUserAsTokens()
    {
        var (alice, aliceNamespaces) = await OpenUserAsync("alice@example.com", "main");
        await Get<AccessTokenService>().CreateAsync(alice, new NewAccessToken("alices-token", [aliceNamespaces[0].Id], AccessTokenPermission.ReadWrite), Ct);
        await OpenUserAsync("bob@example.com");

        // Even asking for every owner (the admin page's list), a user gets only their own.
        var list = Render<TokenList>(p => p.Add(c => c.AllOwners, true));

        list.WaitForAssertion(() => Assert.NotEmpty(list.FindAll("#token-grid")));
        Assert.DoesNotContain("alices-token", list.Markup);
    }

    [Fact]
    public async Task AdminList_AllOwners_ShowsEveryTokenWithItsOwner()
    {
        var (alice, aliceNamespaces) = await OpenUserAsync("alice@example.com", "main");
        await Get<AccessTokenService>().CreateAsync(alice, new NewAccessToken("alices-token", [aliceNamespaces[0].Id], AccessTokenPermission.ReadWrite), Ct);
        SignIn(Admin, "admin@edgekv.local");

        var list = Render<TokenList>(p => p.Add(c => c.AllOwners, true));

        list.WaitForAssertion(() => Assert.Contains("alices-token", list.Find("#token-grid").TextContent));
        Assert.Contains("alice@example.com", list.Find("#token-grid").TextContent);
    }

    [Fact]
    public async Task ConnectionInfo_Namespace_ShowsHttpApiAndKvConnectUrls()
    {
        var (_, namespaces) = await OpenUserAsync("a@example.com", "main");

        var info = Render<ConnectionInfo>();

        info.WaitForAssertion(() => Assert.NotEmpty(info.FindAll(".connection-row")));
        Assert.Equal($"http://localhost/api/v1/namespaces/{namespaces[0].StoreId}", info.Find(".http-api-url").TextContent);
        Assert.Equal($"http://localhost/kv/connect/{namespaces[0].StoreId}", info.Find(".kv-connect-url").TextContent);
    }
}
