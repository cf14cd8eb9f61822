using System.Xml.Linq;
using EdgeKv.Domain.FunctionLogs;
using EdgeKv.Functions;
using EdgeKv.Testing.Repository;
using EdgeKv.Web.Components.Pages.Projects.Functions;
using EdgeKv.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace EdgeKv.Web.Tests.Pages.Functions;

/// <summary>The lines the host writes into a project's log read in the console's language; the function's own stay as written.</summary>
public sealed class ProjectLogTextTests : ConsoleComponentContext
{
    public static TheoryData<string> Codes => [.. ProjectLogCodes.All];

    public static TheoryData<string, string> CodesInBothLanguages =>
        [.. ProjectLogCodes.All.SelectMany(code => new[] { ("zh-Hans", code), ("en", code) })];

    [Theory]
    [MemberData(nameof(Codes))]
    public void Resources_EveryCode_HasASentenceInBothLanguages(string code)
    {
        foreach (var file in new[] { "SharedResource.resx", "SharedResource.zh-Hans.resx" })
        {
            var keys = XDocument.Load(RepositoryRoot.Combine("src", "EdgeKv.Web", "Resources", file)).Root!.Elements("data")
                .Select(data => (string)data.Attribute("name")!).ToHashSet();
            Assert.Contains(ProjectLogText.KeyOf(code), keys);
        }
    }

    [Theory]
    [MemberData(nameof(CodesInBothLanguages))]
    public void Of_EveryCode_ReadsAsASentenceWithItsArgumentsNeverItsCode(string culture, string code)
    {
        using var scope = new CultureScope(culture);
        var entry = new ProjectLogEntry(1, DateTime.UtcNow, ProjectLogLevel.Info, null, "english") { Code = code, Arguments = ["4711"] };

        var text = ProjectLogText.Of(Localizer, entry);

        Assert.DoesNotContain(code, text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
        Assert.NotEqual("english", text);
        if (code != ProjectLogCodes.RuntimeFailed)
        {
            Assert.Contains("4711", text, StringComparison.Ordinal);
        }
    }

    /// <summary>The memory limit's lines: a process stopped (serving, or starting) and a deployment refused while loading.</summary>
    [Theory]
    [InlineData("zh-Hans", false, "函数使用的内存超过了 128 MiB 的上限，其运行时已被停止。")]
    [InlineData("en", false, "The function used more than the memory limit of 128 MiB; its runtime was stopped.")]
    [InlineData("zh-Hans", true, "函数加载时使用的内存超过了 128 MiB 的上限，未部署。")]
    [InlineData("en", true, "The functions used more than the memory limit of 128 MiB while loading, so they were not deployed.")]
    public void Of_TheMemoryLimitsLines_InTheConsolesLanguage(string culture, bool atDeploy, string expected)
    {
        using var scope = new CultureScope(culture);
        var line = atDeploy ? HostLogLines.DeploymentOverMemory(128) : HostLogLines.MemoryExceeded(128);
        var entry = new ProjectLogEntry(1, DateTime.UtcNow, ProjectLogLevel.Error, null, line.Message) { Code = line.Code, Arguments = line.Arguments };

        Assert.Equal(expected, ProjectLogText.Of(Localizer, entry));
    }

    [Theory]
    [InlineData("zh-Hans")]
    [InlineData("en")]
    public void Of_TheFunctionsOwnOutput_AsWritten(string culture)
    {
        using var scope = new CultureScope(culture);
        var entry = new ProjectLogEntry(1, DateTime.UtcNow, ProjectLogLevel.Info, "/", "runtime_started {0} 你好");

        Assert.Equal("runtime_started {0} 你好", ProjectLogText.Of(Localizer, entry));
    }

    [Fact]
    public void HostLogLines_EnglishText_IsTheLimitsOneMessage()
    {
        Assert.Equal(FunctionLimits.WallTimeExceeded(TimeSpan.FromSeconds(30)), HostLogLines.WallTimeExceeded(TimeSpan.FromSeconds(30)).Message);
        Assert.Equal(FunctionLimits.BodyTooLarge, HostLogLines.BodyTooLarge.Message);
        Assert.Equal(["30"], HostLogLines.WallTimeExceeded(TimeSpan.FromSeconds(30)).Arguments);
    }

    private IStringLocalizer Localizer => Services.GetRequiredService<IStringLocalizer<SharedResource>>();
}
