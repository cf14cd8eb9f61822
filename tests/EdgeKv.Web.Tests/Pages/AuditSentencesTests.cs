using System.Globalization;
using System.Xml.Linq;
using EdgeKv.Domain.Audit;
using EdgeKv.Testing.Repository;
using EdgeKv.Web.Components.Pages.Admin.Audit;
using EdgeKv.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace EdgeKv.Web.Tests.Pages;

/// <summary>Every action the domain records reads as a sentence in both languages, never as its code.</summary>
public sealed class AuditSentencesTests : ConsoleComponentContext
{
    private static readonly string ResourceFolder = RepositoryRoot.Combine("src", "EdgeKv.Web", "Resources");

    public static TheoryData<string> Actions => [.. AuditActions.All];

    public static TheoryData<string, string> ActionsInBothLanguages =>
        [.. AuditActions.All.SelectMany(action => new[] { ("zh-Hans", action), ("en", action) })];

    [Fact]
    public void All_HoldsEveryActionConstant()
    {
        var constants = typeof(AuditActions).GetFields().Where(field => field.IsLiteral).Select(field => (string)field.GetRawConstantValue()!);

        Assert.Equal(constants.Order(), AuditActions.All.Order());
        Assert.Equal(24, AuditActions.All.Count);
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void Resources_EveryAction_HasASentenceAndAShortNameInBothLanguages(string action)
    {
        foreach (var file in new[] { "SharedResource.resx", "SharedResource.zh-Hans.resx" })
        {
            var keys = XDocument.Load(Path.Combine(ResourceFolder, file)).Root!.Elements("data").Select(data => (string)data.Attribute("name")!).ToHashSet();
            Assert.Contains(AuditSentences.KeyOf(action), keys);
            Assert.Contains("Audit." + action, keys);
        }
    }

    [Theory]
    [MemberData(nameof(ActionsInBothLanguages))]
    public void Compose_EveryAction_NamesTheActorAndShowsNoCodeOrPlaceholder(string culture, string action)
    {
        using var scope = new CultureScope(culture);
        var l = Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var entry = new AuditEntry { ActorUserId = "u1", OwnerUserId = "u1", Action = action, TargetType = AuditTargets.Namespace, TargetId = "7", Reason = NoteOf(action), AccessTokenId = 3 };
        var subjects = AuditSubjects.None with { Emails = new Dictionary<string, string> { ["u1"] = "alice@example.com" } };

        var text = string.Concat(AuditSentences.Compose(l, entry, subjects).Select(part => part.Text));

        Assert.StartsWith("alice@example.com", text);
        Assert.DoesNotContain(action, text);
        Assert.DoesNotContain("{", text);
        Assert.True(text.Length > "alice@example.com ".Length + 2, text);
    }

    [Fact]
    public void Compose_AnUnknownObject_ReadsAsPlainTextWithItsId()
    {
        using var scope = new CultureScope("zh-Hans");
        var l = Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var entry = new AuditEntry { ActorUserId = "u1", Action = AuditActions.RecordsBulkDeleted, TargetType = AuditTargets.Namespace, TargetId = "7", Reason = "3 records" };

        var parts = AuditSentences.Compose(l, entry, AuditSubjects.None);

        Assert.Equal("u1 在命名空间 #7 中批量删除了 3 条记录", string.Concat(parts.Select(part => part.Text)));
        Assert.All(parts, part => Assert.Null(part.Href));
    }

    [Theory]
    [InlineData("zh-Hans", null, "alice@example.com 部署了项目 site 的函数，部署 #12（3 个文件，共 2 KB）")]
    [InlineData("en", null, "alice@example.com deployed the functions of project site as deployment #12 (files: 3, size: 2 KB)")]
    [InlineData("zh-Hans", 3, "alice@example.com 通过访问令牌 ci 部署了项目 site 的函数，部署 #12（3 个文件，共 2 KB）")]
    [InlineData("en", 3, "alice@example.com deployed the functions of project site through access token ci as deployment #12 (files: 3, size: 2 KB)")]
    public void Compose_Deployment_SaysWhoWhichProjectTheDeploymentAndItsFiles(string culture, int? tokenId, string expected)
    {
        using var scope = new CultureScope(culture);
        var l = Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var entry = new AuditEntry
        {
            ActorUserId = "u1", OwnerUserId = "u1", Action = AuditActions.DeploymentCreated, TargetType = AuditTargets.Project, TargetId = "5",
            Reason = EdgeKv.Domain.Deployments.DeploymentService.DeploymentNote(12, 3, 2048), AccessTokenId = tokenId,
        };
        var subjects = AuditSubjects.None with
        {
            Emails = new Dictionary<string, string> { ["u1"] = "alice@example.com" },
            Projects = new Dictionary<int, AuditSubject> { [5] = new("site", Exists: true) },
            Tokens = new Dictionary<int, AuditSubject> { [3] = new("ci", Exists: true) },
        };

        var parts = AuditSentences.Compose(l, entry, subjects);

        Assert.Equal(expected, string.Concat(parts.Select(part => part.Text)));
        Assert.Contains(parts, part => part.Text == "site" && part.Href == "/projects/5");
    }

    [Fact]
    public void BrowserClock_ShowsTimesInTheBrowsersZoneAndTheCulturesFormat()
    {
        using var scope = new CultureScope("zh-Hans");
        var utc = new DateTime(2026, 12, 6, 13, 42, 46, DateTimeKind.Utc);

        var shanghai = BrowserClock.For("Asia/Shanghai").Format(utc);

        Assert.Equal(new DateTime(2026, 12, 6, 21, 42, 46).ToString("G", CultureInfo.GetCultureInfo("zh-Hans")), shanghai);
        Assert.Equal(utc.ToString("G", CultureInfo.GetCultureInfo("zh-Hans")), BrowserClock.For("Nowhere/Unknown").Format(utc));
    }

    // The notes the domain writes for each action (see AuditSentences' patterns).
    private static string NoteOf(string action) => action switch
    {
        AuditActions.AccountQuotaChanged => "capacity 104857600 → 10240 bytes; namespaces 10 → 3",
        AuditActions.PlacesChanged => "places unlimited → 5",
        AuditActions.NamespaceRenamed or AuditActions.ProjectRenamed => "old → new",
        AuditActions.BindingCreated => "orders → shop as ORDERS",
        AuditActions.RecordsBulkDeleted => "3 records",
        AuditActions.DeploymentActivated => "deployment 12",
        AuditActions.DeploymentCreated => "deployment 12: 3 files, 2048 bytes",
        AuditActions.TokenCreated => "ci (ekv_ab12): ReadWrite on all namespaces",
        _ => "orders",
    };
}
