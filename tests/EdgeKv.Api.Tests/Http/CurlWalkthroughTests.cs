using System.Diagnostics;
using System.Text.RegularExpressions;
using EdgeKv.Api.Tests.Support;

namespace EdgeKv.Api.Tests.Http;

/// <summary>
/// Runs the curl walkthrough of docs/http-api.md, command by command, with the real curl binary against the real
/// host, and checks each answer against the one the note shows, so the documentation cannot drift from the API.
/// </summary>
public sealed class CurlWalkthroughTests(KvConnectServer server)
{
    private const string Curl = "/usr/bin/curl";

    [Fact]
    public async Task Walkthrough_EveryCommandOfTheDoc_AnswersAsDocumented()
    {
        Assert.True(File.Exists(Curl), $"This test runs the real curl binary and {Curl} is missing: install it (apt-get install -y curl; build/test.sh does).");
        var ns = await server.CreateNamespaceAsync();
        var steps = WalkthroughSteps(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "http-api.md")));
        Assert.True(steps.Count >= 5, "The walkthrough block was not found in docs/http-api.md.");

        foreach (var (command, expected) in steps)
        {
            var output = await RunAsync(command, server.Http1Url, ns);

            Assert.Matches(Pattern(expected), output);
        }
    }

    /// <summary>Each curl command (with its continuation lines) and the answer shown after it on a "# →" line.</summary>
    private static List<(string Command, string Expected)> WalkthroughSteps(string markdown)
    {
        var start = markdown.IndexOf("<!-- walkthrough:start -->", StringComparison.Ordinal);
        var end = markdown.IndexOf("<!-- walkthrough:end -->", StringComparison.Ordinal);
        var steps = new List<(string, string)>();
        if (start < 0 || end < start)
        {
            return steps;
        }

        string? command = null;
        var continuing = false;
        foreach (var line in markdown[start..end].Split('\n'))
        {
            if (continuing || line.StartsWith("curl ", StringComparison.Ordinal))
            {
                command = continuing ? command + "\n" + line : line;
                continuing = line.EndsWith('\\');
            }
            else if (line.StartsWith("# → ", StringComparison.Ordinal) && command is not null)
            {
                steps.Add((command, line["# → ".Length..]));
                command = null;
            }
        }

        return steps;
    }

    /// <summary>The documented answer as a whole-output pattern, "…" standing for anything.</summary>
    private static string Pattern(string expected) => "^" + string.Join(".*", expected.Split('…').Select(Regex.Escape)) + "$";

    private static async Task<string> RunAsync(string command, string baseUrl, TestNamespace ns)
    {
        var start = new ProcessStartInfo("/bin/bash", ["-c", command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["PATH"] = "/usr/bin:/bin",
                ["EDGEKV"] = baseUrl,
                ["NS"] = ns.Id,
                ["TOKEN"] = ns.WriteToken,
            },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"curl failed ({process.ExitCode}): {await errors}\n{command}");
        return (await output).Trim();
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EdgeKv.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("EdgeKv.sln not found above the test assembly.");
    }
}
