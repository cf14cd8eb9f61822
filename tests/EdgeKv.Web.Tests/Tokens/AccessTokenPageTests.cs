using EdgeKv.Domain.Tokens;
using EdgeKv.Web.Components.Pages.Tokens;
using EdgeKv.Web.Tests.Infrastructure;
using MudBlazor;

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
        var (dialog, _) = await OpenDialogAsync<CreateTokenDialog>();

        dialog.Find("#token-all").Click();
        dialog.Find("#dialog-submit").Click();

        dialog.WaitForAssertion(() => Assert.Equal("A token name is 1 to 64 characters, without control characters.", dialog.Find("#dialog-error").TextContent));
        Assert.Empty(await Get<AccessTokenService>().ListAsync(user, cancellationToken: Ct));
    }

    [Fact]
    public async Task Create_NoNamespaceChosen_ShowsScopeRuleAndCreatesNothing()
    {
        using var culture = new CultureScope("zh-Hans");
        var (user, _) = await OpenUserAsync("a@example.com", "main");
        var (dialog, _) = await OpenDialogAsync<CreateTokenDialog>();

        dialog.Find("#token-name").Input("ci");
        dialog.Find("#dialog-submit").Click();

        dialog.WaitForAssertion(() => Assert.Equal("请至少选择一个命名空间，或选择全部命名空间。", dialog.Find("#dialog-error").TextContent));
        Assert.Empty(await Get<AccessTokenService>().ListAsync(user, cancellationToken: Ct));
    }

    // The defect: the label 全部命名空间 pointed (for=) at a div, so clicking the words did nothing. Each choice's words
    // must now be in a label that holds its radio input, which is what makes a click on them choose it.
    [Theory]
    [InlineData("zh-Hans", "全部命名空间", "指定命名空间")]
    [InlineData("en", "All my namespaces", "Chosen namespaces")]
    public async Task CreateDialog_ScopeChoices_AreLabelsAroundTheirRadioInputs(string culture, string all, string chosen)
    {
        using var scope = new CultureScope(culture);
        await OpenUserAsync("a@example.com", "main");
        var (dialog, _) = await OpenDialogAsync<CreateTokenDialog>();

        foreach (var (text, inputId) in new[] { (all, "token-all"), (chosen, "token-scope-chosen") })
        {
            var label = dialog.FindAll("#token-scope label").Single(l => l.TextContent.Trim() == text);
            var input = label.QuerySelector("input[type=radio]");
            Assert.NotNull(input);
            Assert.Equal(inputId, input.Id);
        }

        // Choosing 全部命名空间 takes the namespace choice away; the other brings it back.
        Assert.NotEmpty(dialog.FindAll("#token-namespaces"));
        dialog.Find("#token-all").Click();
        dialog.WaitForAssertion(() => Assert.Empty(dialog.FindAll("#token-namespaces")));
        Assert.True(dialog.Find("#token-all").HasAttribute("checked"));
        dialog.Find("#token-scope-chosen").Click();
        dialog.WaitForAssertion(() => Assert.NotEmpty(dialog.FindAll("#token-namespaces")));
    }

    [Fact]
    public async Task Create_AllNamespaces_ShowsSecretOnceWithWarningAndTheListNeverShowsIt()
    {
        using var culture = new CultureScope("zh-Hans");
        var (user, _) = await OpenUserAsync("a@example.com", "main");
        RenderPopovers();
        var (dialog, reference) = await OpenDialogAsync<CreateTokenDialog>();

        dialog.Find("#token-name").Input("deploy");
        dialog.Find("#token-all").Click();
        dialog.FindAll("#token-permission input[type=radio]")[1].Click();
        dialog.Find("#dialog-submit").Click();

        // The secret is shown with the warning in a box of its own with a copy button, and it is the one programs use.
        dialog.WaitForAssertion(() => Assert.NotEmpty(dialog.FindAll("#token-secret")));
        var secret = dialog.Find("#token-secret").TextContent;
        Assert.Contains("仅显示一次", dialog.Find("#secret-warning").TextContent);
        Assert.Equal(secret, dialog.Find(".secret-box .copy-button").GetAttribute("data-copy"));
        var token = Assert.Single(await Get<AccessTokenService>().ListAsync(user, cancellationToken: Ct));
        Assert.True(token.AllNamespaces);
        Assert.Equal(AccessTokenPermission.ReadWrite, token.Permission);
        Assert.StartsWith(token.Prefix, secret, StringComparison.Ordinal);

        // 我已保存 closes with the token (no secret); the list shows it but not its secret; a new dialog starts empty.
        dialog.Find("#secret-done").Click();
        var result = await reference.Result.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(token.Id, Assert.IsType<AccessTokenView>(result!.Data).Id);
        var list = Render<TokenList>();
        list.WaitForAssertion(() => Assert.Contains("deploy", list.Find("#token-grid").TextContent));
        Assert.DoesNotContain(secret, list.Markup);
        var (again, _) = await OpenDialogAsync<CreateTokenDialog>();
        Assert.Empty(again.FindAll("#token-secret"));
    }

    [Fact]
    public async Task Revoke_Confirmed_TokenShowsRevokedAndNoLongerResolves()
    {
        using var culture = new CultureScope("zh-Hans");
        var (user, namespaces) = await OpenUserAsync("a@example.com", "main");
        var created = await Get<AccessTokenService>().CreateAsync(user, new NewAccessToken("ci", [namespaces[0].Id], AccessTokenPermission.ReadWrite), Ct);
        // A program is using it: the token is answered from memory from now on, and this grant holds a watch open.
        var before = await Get<AccessTokenService>().ResolveAsync(created.Secret, namespaces[0].StoreId, AccessTokenUse.Read, Ct);
        var dialogs = Render<MudDialogProvider>();
        var list = Render<TokenList>();
        list.WaitForAssertion(() => Assert.Equal("生效中", list.Find(".token-status").TextContent.Trim()));

        list.Find("button.revoke-token").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("确定撤销访问令牌“ci”吗", dialogs.Markup));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "撤销").Click();

        list.WaitForAssertion(() => Assert.Equal("已撤销", list.Find(".token-status").TextContent.Trim()));
        Assert.Contains("mud-chip", list.Find(".token-status").ClassList);
        Assert.Empty(list.FindAll("button.revoke-token"));
        var resolution = await Get<AccessTokenService>().ResolveAsync(created.Secret, namespaces[0].StoreId, AccessTokenUse.Read, Ct);
        Assert.True(before.IsGranted);
        Assert.True(before.Lifetime.IsCancellationRequested);
        Assert.False(resolution.IsGranted);
    }

    [Theory]
    [InlineData("zh-Hans", "读取 2 次 · 写入 1 次 · 写入数据 2 KB · 读取数据 1.5 MB", "从未使用")]
    [InlineData("en", "Reads: 2 · Writes: 1 · Written: 2 KB · Read: 1.5 MB", "Never")]
    public async Task List_AfterProgramsUsedAToken_ShowsItsLastUseCountsAndBytesReadBesideWritten(string language, string uses, string never)
    {
        using var culture = new CultureScope(language);
        var (user, namespaces) = await OpenUserAsync("a@example.com", "main");
        var created = await Get<AccessTokenService>().CreateAsync(user, new NewAccessToken("ci", [namespaces[0].Id], AccessTokenPermission.ReadWrite), Ct);
        await Get<AccessTokenService>().ResolveAsync(created.Secret, namespaces[0].StoreId, AccessTokenUse.Read, Ct);
        await Get<AccessTokenService>().ResolveAsync(created.Secret, namespaces[0].StoreId, AccessTokenUse.Read, Ct);
        await Get<AccessTokenService>().ResolveAsync(created.Secret, namespaces[0].StoreId, AccessTokenUse.Write, Ct);
        // What the API counts for the values it stored and returned (its own tests check those figures end to end).
        Get<AccessTokenUsage>().RecordBytesWritten(created.Token.Id, 2048);
        Get<AccessTokenUsage>().RecordBytesRead(created.Token.Id, 1536 * 1024);
        await Get<AccessTokenUsageWriter>().FlushAsync(Ct);

        var list = Render<TokenList>();

        list.WaitForAssertion(() => Assert.Equal(uses, list.Find(".token-uses").TextContent.Trim()));
        Assert.DoesNotContain(never, list.Find(".token-uses").ParentElement!.TextContent); // its last use, under which they sit
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
    public async Task List_SearchOnEnter_FiltersByNameAndSaysWhenNothingMatches()
    {
        using var culture = new CultureScope("zh-Hans");
        var (user, namespaces) = await OpenUserAsync("a@example.com", "main");
        foreach (var name in new[] { "deploy", "ci" })
        {
            await Get<AccessTokenService>().CreateAsync(user, new NewAccessToken(name, [namespaces[0].Id], AccessTokenPermission.ReadOnly), Ct);
        }

        var list = Render<TokenList>();
        list.WaitForAssertion(() => Assert.Equal(2, list.FindAll(".token-name").Count));
        Assert.Equal("共 2 个令牌", list.Find("#token-count").TextContent);

        // Typing alone does not filter; Enter does.
        list.Find("#token-search").Input("dep");
        Assert.Equal(2, list.FindAll(".token-name").Count);
        list.Find("#token-search").KeyUp("Enter");
        list.WaitForAssertion(() => Assert.Equal(["deploy"], list.FindAll(".token-name").Select(n => n.TextContent)));

        list.Find("#token-search").Input("nothing");
        list.Find("#token-search").KeyUp("Enter");
        list.WaitForAssertion(() => Assert.Equal("没有与“nothing”匹配的令牌。", list.Find("#tokens-no-match .empty-state-title").TextContent));
    }

    [Fact]
    public async Task Page_NoTokens_ShowsEmptyStateWithOneCreateAction()
    {
        using var culture = new CultureScope("zh-Hans");
        await OpenUserAsync("a@example.com", "main");
        RenderPopovers();

        var page = Render<AccessTokens>();

        page.WaitForAssertion(() => Assert.Contains("暂无访问令牌。", page.Find("#tokens-empty").TextContent));
        Assert.Equal("新建访问令牌", page.Find("#tokens-empty button").TextContent.Trim());
        Assert.Single(page.FindAll("#tokens-empty button"));
        Assert.Equal("访问令牌", page.Find("h1").TextContent);
    }

    [Fact]
    public async Task AdminList_NoTokens_ShowsEmptyStateWithoutCreateAction()
    {
        SignIn(Admin, "admin@edgekv.local");

        var list = Render<TokenList>(p => p.Add(c => c.AllOwners, true));

        list.WaitForAssertion(() => Assert.NotEmpty(list.FindAll("#tokens-empty")));
        Assert.Empty(list.FindAll("#tokens-empty button"));
    }

    [Fact]
    public async Task List_Token_ShowsItsPrefixWithACopyButton()
    {
        var (user, namespaces) = await OpenUserAsync("a@example.com", "main");
        var created = await Get<AccessTokenService>().CreateAsync(user, new NewAccessToken("ci", [namespaces[0].Id], AccessTokenPermission.ReadOnly), Ct);
        RenderPopovers();

        var list = Render<TokenList>();

        list.WaitForAssertion(() => Assert.NotEmpty(list.FindAll(".token-prefix")));
        Assert.Equal(created.Token.Prefix, list.Find(".token-prefix .copy-button").GetAttribute("data-copy"));
        Assert.DoesNotContain(created.Secret, list.Markup);
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
    public async Task ConnectionInfo_Namespace_ShowsHttpApiAndKvConnectUrlsWithCopyButtons()
    {
        var (_, namespaces) = await OpenUserAsync("a@example.com", "main");
        RenderPopovers();

        var info = Render<ConnectionInfo>();

        info.WaitForAssertion(() => Assert.NotEmpty(info.FindAll(".connection-row")));
        var httpApi = $"http://localhost/api/v1/namespaces/{namespaces[0].StoreId}";
        var kvConnect = $"http://localhost/kv/connect/{namespaces[0].StoreId}";
        Assert.Equal(httpApi, info.Find(".http-api-url").TextContent);
        Assert.Equal(kvConnect, info.Find(".kv-connect-url").TextContent);
        Assert.Equal([httpApi, kvConnect], info.FindAll(".connection-row .copy-button").Select(b => b.GetAttribute("data-copy")));
    }

    [Fact]
    public async Task ConnectionInfo_NoNamespace_LinksToKvStorageWithAVisibleButton()
    {
        using var culture = new CultureScope("zh-Hans");
        await OpenUserAsync("a@example.com");

        var info = Render<ConnectionInfo>();

        info.WaitForAssertion(() => Assert.Contains("请先创建命名空间", info.Find("#connection-empty").TextContent));
        var link = info.Find("#connection-create-namespace");
        Assert.Equal("kv", link.GetAttribute("href"));
        Assert.Contains("mud-button-outlined-primary", link.ClassList);
    }
}
