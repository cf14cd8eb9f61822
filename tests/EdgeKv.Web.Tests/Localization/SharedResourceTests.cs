using System.Text.RegularExpressions;
using System.Xml.Linq;
using EdgeKv.Testing.Repository;

namespace EdgeKv.Web.Tests.Localization;

/// <summary>Every UI string exists in both languages, and every string the code asks for exists.</summary>
public sealed partial class SharedResourceTests
{
    // The most specific prefix first: an audit sentence's key is its action's code after "Audit.Sentence.".
    private static readonly string[] DynamicKeyPrefixes = ["Identity.", "DomainError.", "Audit.Sentence.", "Audit.", "Logs.Host."];

    private static readonly string ResourceFolder = RepositoryRoot.Combine("src", "EdgeKv.Web", "Resources");

    [Fact]
    public void Resources_EnglishAndChinese_HaveTheSameKeysAndNoEmptyText()
    {
        var english = Load("SharedResource.resx");
        var chinese = Load("SharedResource.zh-Hans.resx");

        Assert.Empty(english.Keys.Except(chinese.Keys));
        Assert.Empty(chinese.Keys.Except(english.Keys));
        Assert.Empty(english.Concat(chinese).Where(pair => string.IsNullOrWhiteSpace(pair.Value)).Select(pair => pair.Key));
    }

    [Fact]
    public void Sources_EveryLocalizerKey_ExistsInTheResources()
    {
        var keys = Load("SharedResource.resx").Keys.ToHashSet();

        var missing = SourceFiles("EdgeKv.Web")
            .SelectMany(file => LocalizerKey().Matches(File.ReadAllText(file)).Select(match => match.Groups[1].Value))
            .Where(key => !keys.Contains(key))
            .Distinct()
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Resources_EveryKey_IsUsedBySomeSource()
    {
        var sources = string.Join('\n', SourceFiles("EdgeKv.Web").Concat(SourceFiles("EdgeKv.Domain")).Select(File.ReadAllText));

        var unused = Load("SharedResource.resx").Keys.Where(key => !IsUsed(key, sources)).ToList();

        Assert.Empty(unused);
    }

    // Some keys are made at run time: a family prefix plus a name that the sources spell as nameof(Name) or as a
    // literal (Identity's error codes, the domain's error codes, audit actions and the host's log codes).
    private static bool IsUsed(string key, string sources)
    {
        if (sources.Contains('"' + key + '"', StringComparison.Ordinal))
        {
            return true;
        }

        var prefix = DynamicKeyPrefixes.FirstOrDefault(p => key.StartsWith(p, StringComparison.Ordinal));
        var name = prefix is null ? null : key[prefix.Length..];
        return name is not null
            && (sources.Contains($"nameof({name})", StringComparison.Ordinal) || sources.Contains('"' + name + '"', StringComparison.Ordinal));
    }

    private static Dictionary<string, string> Load(string fileName) =>
        XDocument.Load(Path.Combine(ResourceFolder, fileName)).Root!.Elements("data")
            .ToDictionary(data => (string)data.Attribute("name")!, data => (string?)data.Element("value") ?? "");

    private static IEnumerable<string> SourceFiles(string project) =>
        Directory.EnumerateFiles(RepositoryRoot.Combine("src", project), "*.*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".razor", StringComparison.Ordinal) || file.EndsWith(".cs", StringComparison.Ordinal))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex("""L\["([^"]+)"\]""")]
    private static partial Regex LocalizerKey();
}
