using System.Diagnostics;
using System.Text.RegularExpressions;
using EdgeKv.Testing.Repository;

namespace EdgeKv.Testing.Docs;

/// <summary>
/// A curl walkthrough of a note in docs/: the block between <c>&lt;!-- walkthrough:start --&gt;</c> and
/// <c>&lt;!-- walkthrough:end --&gt;</c>, each curl command followed by the answer it shows on a "# →" line. Tests run
/// every command with the real curl and match its output, so the documentation cannot drift from the product.
/// </summary>
public static class CurlWalkthrough
{
    /// <summary>The real curl binary the walkthroughs run.</summary>
    public const string Curl = "/usr/bin/curl";

    /// <summary>The steps of the walkthrough in <c>docs/<paramref name="note"/></c> of the repository.</summary>
    public static async Task<List<(string Command, string Expected)>> StepsAsync(string note, CancellationToken cancellationToken) =>
        Steps(await File.ReadAllTextAsync(RepositoryRoot.Combine("docs", note), cancellationToken));

    /// <summary>Each curl command (with its continuation lines) and the answer shown after it on a "# →" line.</summary>
    public static List<(string Command, string Expected)> Steps(string markdown)
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
    public static string Pattern(string expected) => "^" + string.Join(".*", expected.Split('…').Select(Regex.Escape)) + "$";

    /// <summary>
    /// Runs <paramref name="command"/> in bash with only <c>/usr/bin:/bin</c> on the PATH and
    /// <paramref name="environment"/>; returns its exit code, its trimmed output and its errors.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        string command, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, CancellationToken cancellationToken)
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

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).WaitAsync(timeout, cancellationToken);
        return (process.ExitCode, (await output).Trim(), await errors);
    }

}
