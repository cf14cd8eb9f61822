using EdgeKv.Domain.Deployments;
using EdgeKv.Web.Components.Pages.Projects.Functions;
using EdgeKv.Web.Hosting;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Pages.Functions;

/// <summary>
/// The editor's per-file limit (<see cref="CircuitLimits.MaxEditorFileCharacters"/>): a larger file is neither sent to
/// the editor nor read back from it (either would drop the circuit); the person is told why and what to do instead.
/// </summary>
public sealed class FunctionEditorLimitTests : ProjectFunctionsContext
{
    private const string EditorModule = "./Components/Pages/Projects/Functions/FunctionEditor.razor.js";

    // A route one character over the limit: a handler and a long comment.
    private static readonly string BigSource = BigFile(CircuitLimits.MaxEditorFileCharacters + 1);

    [Theory]
    [InlineData("zh-Hans", "functions/big.js 有 524,289 个字符，超过编辑器上限 524,288 个字符，无法在此打开。该文件会原样保留并随部署发布。如需修改，请在本地编辑后通过 HTTP API（POST /api/v1/projects/{0}/deployments）部署 functions/ 文件夹。")]
    [InlineData("en", "functions/big.js has 524,289 characters, more than the editor's limit of 524,288, so it cannot be opened here. It is kept and deployed as it is. To change it, edit it on your computer and deploy the functions/ folder through the HTTP API (POST /api/v1/projects/{0}/deployments).")]
    public async Task Open_AFileOverTheLimit_RefusedWithWhyAndDeployedAsItIs(string culture, string expected)
    {
        // Arrange
        using var scope = new CultureScope(culture);
        var (user, project) = await UserWithProjectAsync();
        var first = await DeployAsync(user, project.Id, new Dictionary<string, string> { ["index.js"] = FunctionDraft.NewFileSource, ["big.js"] = BigSource });
        var editor = Render<FunctionEditor>(p => p.Add(x => x.ProjectId, project.Id));
        editor.WaitForAssertion(() => Assert.NotEmpty(editor.FindAll(".function-file[data-path='index.js']")));
        Assert.Empty(editor.FindAll("#editor-refusal"));

        // Act
        editor.Find(".function-file[data-path='big.js']").Click();
        editor.WaitForAssertion(() => Assert.NotEmpty(editor.FindAll("#editor-refusal")));
        editor.Find("#deploy-functions").Click();

        // Assert
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, project.Id), editor.Find("#editor-refusal").TextContent);
        editor.WaitForAssertion(() => Assert.Contains($"#{first.Id + 1}", editor.Find("#draft-state").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var deployments = Get<DeploymentService>();
        var active = (await deployments.ListAsync(user, project.Id, Ct)).Single(d => d.IsActive);
        Assert.Equal(BigSource, (await deployments.FilesAsync(user, project.Id, active.Id, Ct))["big.js"]);
        Assert.DoesNotContain(JSInterop.Invocations, invocation => invocation.Identifier.Contains("getValue", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("zh-Hans", "functions/index.js 现有 524,289 个字符，超过编辑器上限 524,288 个字符，无法从编辑器保存。请缩短内容或拆分为多个模块；也可通过 HTTP API（POST /api/v1/projects/{0}/deployments）部署 functions/ 文件夹。")]
    [InlineData("en", "functions/index.js now has 524,289 characters, more than the editor's limit of 524,288, so it cannot be saved from the editor. Make it shorter or split it into modules; or deploy the functions/ folder through the HTTP API (POST /api/v1/projects/{0}/deployments).")]
    public async Task Save_TheEditorHoldsMoreThanTheLimit_RefusedWithWhyTheTextIsNotReadAndNothingDeploys(string culture, string expected)
    {
        // Arrange: Monaco "loaded", holding one character over the limit.
        using var scope = new CultureScope(culture);
        var (user, project) = await UserWithProjectAsync();
        var module = JSInterop.SetupModule(EditorModule);
        module.Setup<bool>("loadMonaco").SetResult(true);
        module.Setup<int>("textLength", "function-code").SetResult(CircuitLimits.MaxEditorFileCharacters + 1);
        var editor = Render<FunctionEditor>(p => p.Add(x => x.ProjectId, project.Id));
        editor.WaitForAssertion(() => Assert.NotEmpty(editor.FindAll("#function-code")));

        // Act
        editor.Find("#save-draft").Click();
        editor.WaitForAssertion(() => Assert.NotEmpty(editor.FindAll("#editor-refusal")));
        editor.Find("#deploy-functions").Click();

        // Assert
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, project.Id), editor.Find("#editor-refusal").TextContent);
        Assert.DoesNotContain(JSInterop.Invocations, invocation => invocation.Identifier.Contains("getValue", StringComparison.Ordinal));
        Assert.Empty(await Get<DeploymentService>().ListAsync(user, project.Id, Ct));
        Assert.False(editor.Find("#deploy-functions").HasAttribute("disabled"));
    }

    [Fact]
    public void Limit_AnyFileTheEditorHolds_FitsADeploymentAndTheCircuit()
    {
        // UTF-8 takes at most 3 bytes per UTF-16 unit; JSON at most 6 per character.
        Assert.True(CircuitLimits.MaxEditorFileCharacters * 3L <= FunctionFilePaths.MaxTotalBytes);
        Assert.True(CircuitLimits.MaxEditorFileCharacters * 6L < CircuitLimits.MaxReceiveMessageBytes);
    }

    private static string BigFile(int characters)
    {
        const string Handler = "export const onRequest = () => new Response(\"big\");\n// ";
        return Handler + new string('x', characters - Handler.Length);
    }
}
