using EdgeKv.Domain.Bindings;
using EdgeKv.Domain.Projects;
using EdgeKv.Web.Components.Pages.Bindings;
using EdgeKv.Web.Tests.Infrastructure;
using MudBlazor;

namespace EdgeKv.Web.Tests.Dialogs;

/// <summary>绑定项目 / 绑定命名空间: what is offered, the messages, and binding through the real domain.</summary>
public sealed class BindDialogTests : ConsolePageContext
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("my_kv", null)]
    [InlineData("$kv2", null)]
    [InlineData("class", "binding.reserved_variable_name")]
    [InlineData("2kv", "binding.invalid_variable_name")]
    [InlineData("my-kv", "binding.invalid_variable_name")]
    [InlineData("", "binding.invalid_variable_name")]
    public void VariableNameRule_Name_GivesTheDomainsError(string name, string? expectedCode)
    {
        var error = VariableNames.ErrorFor(name);

        Assert.Equal(expectedCode, error?.Code);
    }

    [Fact]
    public async Task Open_FromNamespace_OffersOnlyProjectsNotYetBoundToIt()
    {
        var (user, namespaces) = await OpenUserAsync("a@example.com", "sessions");
        var bound = await Get<ProjectService>().CreateAsync(user, "already", cancellationToken: Ct);
        await Get<ProjectService>().CreateAsync(user, "free", cancellationToken: Ct);
        await Get<BindingService>().BindAsync(user, namespaces[0].Id, bound.Id, "kv", Ct);
        var popovers = RenderPopovers();

        var (dialog, _) = await OpenFromNamespaceAsync(namespaces[0].Id, user.UserId);
        OpenTargets(dialog);

        popovers.WaitForAssertion(() => Assert.Equal(["free"], OfferedNames(popovers)));
    }

    [Fact]
    public async Task Open_FromProject_OffersOnlyNamespacesNotYetBoundToIt()
    {
        var (user, namespaces) = await OpenUserAsync("a@example.com", "sessions", "settings");
        var project = await Get<ProjectService>().CreateAsync(user, "shop", cancellationToken: Ct);
        await Get<BindingService>().BindAsync(user, namespaces[0].Id, project.Id, "kv", Ct);
        var popovers = RenderPopovers();

        var (dialog, _) = await OpenFromProjectAsync(project.Id, user.UserId);
        OpenTargets(dialog);

        popovers.WaitForAssertion(() => Assert.Equal(["settings"], OfferedNames(popovers)));
    }

    [Theory]
    [InlineData("zh-Hans", "没有可绑定的项目", "此命名空间已绑定到您的全部项目。")]
    [InlineData("en", "No project to bind", "This namespace is already bound to each of your projects.")]
    public async Task Open_EveryProjectBound_SaysSoInsteadOfAnEmptySelect(string culture, string title, string text)
    {
        using var scope = new CultureScope(culture);
        var (user, namespaces) = await OpenUserAsync("a@example.com", "sessions");
        var project = await Get<ProjectService>().CreateAsync(user, "shop", cancellationToken: Ct);
        await Get<BindingService>().BindAsync(user, namespaces[0].Id, project.Id, "kv", Ct);

        var (dialog, _) = await OpenFromNamespaceAsync(namespaces[0].Id, user.UserId);

        dialog.WaitForAssertion(() => Assert.Contains(title, dialog.Find("#bind-none").TextContent));
        Assert.Contains(text, dialog.Find("#bind-none").TextContent);
        Assert.Empty(dialog.FindAll("#bind-target"));
        Assert.Empty(dialog.FindAll("#dialog-submit"));
    }

    [Fact]
    public async Task Open_OwnerHasNoNamespace_LinksToKvStorageWithAVisibleButton()
    {
        using var scope = new CultureScope("zh-Hans");
        var (user, _) = await OpenUserAsync("a@example.com");
        var project = await Get<ProjectService>().CreateAsync(user, "shop", cancellationToken: Ct);

        var (dialog, _) = await OpenFromProjectAsync(project.Id, user.UserId);

        dialog.WaitForAssertion(() => Assert.Contains("暂无命名空间", dialog.Find("#bind-none").TextContent));
        var link = dialog.Find("#bind-create-first");
        Assert.Equal("a", link.TagName, ignoreCase: true);
        Assert.Equal("kv", link.GetAttribute("href"));

        // An outlined button in the primary colour: never white on white.
        Assert.Contains("mud-button-outlined-primary", link.ClassList);
    }

    [Theory]
    [InlineData("zh-Hans", false, "请选择要绑定的项目。")]
    [InlineData("zh-Hans", true, "请选择要绑定的命名空间。")]
    [InlineData("en", false, "Choose the project to bind.")]
    [InlineData("en", true, "Choose the namespace to bind.")]
    public async Task Submit_NothingChosen_SaysWhatMustBeChosen(string culture, bool fromProject, string expected)
    {
        using var scope = new CultureScope(culture);
        var (user, namespaces) = await OpenUserAsync("a@example.com", "sessions");
        var project = await Get<ProjectService>().CreateAsync(user, "shop", cancellationToken: Ct);
        var (dialog, _) = fromProject
            ? await OpenFromProjectAsync(project.Id, user.UserId)
            : await OpenFromNamespaceAsync(namespaces[0].Id, user.UserId);
        dialog.WaitForAssertion(() => Assert.NotEmpty(dialog.FindAll("#dialog-submit")));

        dialog.Find("#variable-name").Input("my_kv");
        dialog.Find("#dialog-submit").Click();

        dialog.WaitForAssertion(() => Assert.Equal(expected, dialog.Find("#dialog-error").TextContent));
        Assert.Empty(await Get<BindingService>().ListForProjectAsync(user, project.Id, Ct));
    }

    [Fact]
    public async Task Open_VariableNameField_ShowsTheRuleAsHelperText()
    {
        using var scope = new CultureScope("zh-Hans");
        var (user, namespaces) = await OpenUserAsync("a@example.com", "sessions");
        await Get<ProjectService>().CreateAsync(user, "shop", cancellationToken: Ct);

        var (dialog, _) = await OpenFromNamespaceAsync(namespaces[0].Id, user.UserId);

        dialog.WaitForAssertion(() => Assert.Contains("JavaScript 标识符", dialog.Find(".mud-input-helper-text").TextContent));
        Assert.Contains("不能是保留字", dialog.Find(".mud-input-helper-text").TextContent);
    }

    [Theory]
    [InlineData("zh-Hans", "class", "“class”是 JavaScript 保留字，不能用作变量名。")]
    [InlineData("en", "my-kv", "A variable name is a JavaScript identifier of 1 to 64 characters: a letter, '_' or '$', then letters, digits, '_' or '$'.")]
    public async Task Submit_BadVariableName_ShowsTheDomainsMessageAndBindsNothing(string culture, string name, string expected)
    {
        using var scope = new CultureScope(culture);
        var (user, namespaces) = await OpenUserAsync("a@example.com", "sessions");
        var project = await Get<ProjectService>().CreateAsync(user, "shop", cancellationToken: Ct);
        var popovers = RenderPopovers();
        var (dialog, _) = await OpenFromNamespaceAsync(namespaces[0].Id, user.UserId);
        await ChooseAsync(dialog, popovers, "shop");

        dialog.Find("#variable-name").Input(name);
        dialog.Find("#dialog-submit").Click();

        dialog.WaitForAssertion(() => Assert.Equal(expected, dialog.Find("#dialog-error").TextContent));
        Assert.Empty(await Get<BindingService>().ListForProjectAsync(user, project.Id, Ct));
    }

    [Fact]
    public async Task Submit_ProjectChosen_BindsThroughTheDomainAndClosesWithTrue()
    {
        var (user, namespaces) = await OpenUserAsync("a@example.com", "sessions");
        var project = await Get<ProjectService>().CreateAsync(user, "shop", cancellationToken: Ct);
        var popovers = RenderPopovers();
        var (dialog, reference) = await OpenFromNamespaceAsync(namespaces[0].Id, user.UserId);
        await ChooseAsync(dialog, popovers, "shop");

        dialog.Find("#variable-name").Input(" my_kv ");
        dialog.Find("#dialog-submit").Click();

        var result = await reference.Result.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(true, result!.Data);
        var binding = Assert.Single(await Get<BindingService>().ListForProjectAsync(user, project.Id, Ct));
        Assert.Equal(("sessions", "my_kv"), (binding.NamespaceName, binding.VariableName));
    }

    [Fact]
    public async Task Open_AnotherUsersNamespace_ReadsAsNotFoundAndOffersNothing()
    {
        using var scope = new CultureScope("zh-Hans");
        var (alice, aliceNamespaces) = await OpenUserAsync("alice@example.com", "private");
        await Get<ProjectService>().CreateAsync(alice, "alices", cancellationToken: Ct);
        var (bob, _) = await OpenUserAsync("bob@example.com");
        await Get<ProjectService>().CreateAsync(bob, "bobs", cancellationToken: Ct);

        var (dialog, _) = await OpenFromNamespaceAsync(aliceNamespaces[0].Id, bob.UserId);

        dialog.WaitForAssertion(() => Assert.Equal("未找到命名空间。", dialog.Find("#dialog-error").TextContent));
        Assert.Empty(dialog.FindAll("#bind-target"));
        Assert.Empty(dialog.FindAll("#dialog-submit"));
    }

    private Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> OpenFromNamespaceAsync(int namespaceId, string ownerUserId) =>
        OpenDialogAsync<BindDialog>(new DialogParameters<BindDialog> { { d => d.NamespaceId, namespaceId }, { d => d.OwnerUserId, ownerUserId } });

    private Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> OpenFromProjectAsync(int projectId, string ownerUserId) =>
        OpenDialogAsync<BindDialog>(new DialogParameters<BindDialog> { { d => d.ProjectId, projectId }, { d => d.OwnerUserId, ownerUserId } });

    private static void OpenTargets(IRenderedComponent<MudDialogProvider> dialog)
    {
        dialog.WaitForAssertion(() => Assert.NotEmpty(dialog.FindAll("#bind-target")));
        // MudSelect opens on a mouse-down on its control (the id is its input's).
        dialog.Find("#bind-target").Closest(".mud-input-control")!.MouseDown();
    }

    private static string[] OfferedNames(IRenderedComponent<MudPopoverProvider> popovers) =>
        [.. popovers.FindAll(".mud-popover-open .mud-list-item").Select(item => item.TextContent.Trim())];

    private static Task ChooseAsync(IRenderedComponent<MudDialogProvider> dialog, IRenderedComponent<MudPopoverProvider> popovers, string name)
    {
        OpenTargets(dialog);
        popovers.WaitForAssertion(() => Assert.Contains(name, OfferedNames(popovers)));
        popovers.FindAll(".mud-popover-open .mud-list-item").Single(item => item.TextContent.Trim() == name).Click();
        return Task.CompletedTask;
    }
}
