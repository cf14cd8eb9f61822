using System.Diagnostics;
using System.Text.RegularExpressions;
using EdgeKv.Functions.Tests.Support;

namespace EdgeKv.Functions.Tests.Runtime;

/// <summary>
/// Runs the deploy-and-call walkthrough of docs/functions.md, command by command, with the real curl binary against
/// the real host (the HTTP API deploys, the functions listener answers by host and by path), and checks each answer
/// against the one the note shows, so the documentation cannot drift from what EdgeKv does.
/// </summary>
public sealed class CurlDeployWalkthroughTests(FunctionsServer server)
{
    private const string Curl = "/usr/bin/curl";

    [Fact]
    public async Task Walkthrough_EveryCommandOfTheDoc_AnswersAsDocumented()
    {
        // Arrange
        Assert.True(File.Exists(Curl), $"This test runs the real curl binary and {Curl} is missing: install it (apt-get install -y curl; build/test.sh does).");
        var (owner, token) = await server.CreateOwnerAsync("curl");
        var (project, _) = await server.CreateProjectAsync(owner);
        var steps = WalkthroughSteps(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "functions.md"), FunctionsServer.Ct));
        Assert.True(steps.Count >= 3, "The walkthrough block was not found in docs/functions.md.");
        var functions = new Uri(server.FunctionsUrl);
        var environment = new Dictionary<string, string>
        {
            ["EDGEKV"] = server.Url,
            ["PROJECT"] = project.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["TOKEN"] = token,
            ["SITE"] = $"http://p{project.Id}.localhost:{functions.Port}",
            ["FUNCTIONS"] = server.FunctionsUrl,
        };

        foreach (var (command, expected) in steps)
        {
            // Act
            var output = await RunAsync(command, environment);

            // Assert
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

    private static async Task<string> RunAsync(string command, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("/bin/bash", ["-c", command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["PATH"] = "/usr/bin:/bin" },
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(FunctionsServer.Ct);
        var errors = process.StandardError.ReadToEndAsync(FunctionsServer.Ct);
        await process.WaitForExitAsync(FunctionsServer.Ct).WaitAsync(TimeSpan.FromSeconds(60), FunctionsServer.Ct);
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
