using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using EdgeKv.Domain.Bindings;
using EdgeKv.Domain.Deployments;

namespace EdgeKv.Functions.Runtime;

/// <summary>
/// The folder one process runs from: the deployment's files under <c>functions/</c>, the runtime shim, a setup module
/// that installs the binding globals, and the entry module that imports setup first, then every function file (static
/// imports, so Deno loads them without any read permission). Before a first start the module graph is checked with
/// <c>deno info</c>: Deno loads statically imported local files without asking for read permission, so a function
/// could otherwise import any readable file of the host (<c>import s from "/etc/x.json" with { type: "json" }</c>);
/// a graph with any module outside the folder is refused.
/// </summary>
internal static partial class RuntimeWorkspace
{
    public const string EntryModule = "__edgekv_main.js";

    /// <summary>The entry of a deploy-time load: the same imports, then a report of each file's handlers (<see cref="FunctionCodeVerifier"/>).</summary>
    public const string VerifyModule = "__edgekv_verify.js";

    private const string ShimModule = "__edgekv_runtime.js";
    private const string SetupModule = "__edgekv_setup.js";
    private const string FetchModule = "__edgekv_fetch.js";

    /// <summary>
    /// Writes the folder of <paramref name="deployment"/> with <paramref name="bindings"/> (fresh each time) and checks its
    /// graph; the folder, and the function files that other function files import (modules, not routes).
    /// </summary>
    public static async Task<RuntimeFolder> PrepareAsync(
        string root, string denoPath, ActiveDeployment deployment, IReadOnlyList<BoundStore> bindings, CancellationToken cancellationToken)
    {
        if (!File.Exists(denoPath))
        {
            throw new RuntimeStartException($"The Deno runtime is missing at {denoPath}: run 'npm ci --prefix src/EdgeKv.Functions' (build/test.sh does).");
        }

        var directory = Path.Combine(root, deployment.ProjectId.ToString(System.Globalization.CultureInfo.InvariantCulture), Guid.NewGuid().ToString("N"));
        var functions = Path.Combine(directory, "functions");
        Directory.CreateDirectory(functions);
        var modules = deployment.Files.Keys.Order(StringComparer.Ordinal).ToList();
        foreach (var path in modules)
        {
            // Paths were checked at deploy (FunctionFilePaths): plain segments, no '..', so they stay in the folder.
            var file = Path.Combine(functions, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, deployment.Files[path], cancellationToken);
        }

        await File.WriteAllTextAsync(Path.Combine(directory, ShimModule), Shim.Value, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, FetchModule), FetchShim.Value, cancellationToken);
        var names = JsonSerializer.Serialize(bindings.Select(b => b.VariableName));
        // The fetch module replaces globalThis.fetch with the host's (OutboundFetch) before any function file loads;
        // awaitWatch holds the load until the host watches the process's memory (MemoryWatchdog), so top-level code
        // runs under the limit too.
        var setup = FormattableString.Invariant(
            $"import {{ awaitWatch, install }} from \"./{ShimModule}\";\nimport \"./{FetchModule}\";\ninstall({names}, {FunctionLimits.MaxResponseBodyBytes});\nawaitWatch();\n");
        await File.WriteAllTextAsync(Path.Combine(directory, SetupModule), setup, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, EntryModule), Entry(modules, "serve"), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, VerifyModule), Entry(modules, "report"), cancellationToken);
        var imported = await CheckGraphAsync(denoPath, directory, cancellationToken);
        return new RuntimeFolder(directory, imported);
    }

    /// <summary>
    /// Deno's text about the folder's files as their author knows them: <c>functions/x.js:1:37</c>, not the host's
    /// folder (which is none of their business), without colours or Deno's own backtrace.
    /// </summary>
    public static string Readable(string text, string directory)
    {
        var readable = WithoutHostDetails(text, directory);
        var backtrace = readable.IndexOf("Stack backtrace:", StringComparison.Ordinal);
        readable = (backtrace >= 0 ? readable[..backtrace] : readable).Trim();
        return readable.StartsWith("error: ", StringComparison.Ordinal) ? readable["error: ".Length..] : readable;
    }

    /// <summary>
    /// Whether Deno's stderr says V8 ended the process past its heap limit (<c>--max-old-space-size</c>): its dump names
    /// the cause ("Fatal JavaScript out of memory: Reached heap limit").
    /// </summary>
    public static bool SaysOutOfMemory(string stderr) => stderr.Contains("out of memory", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// <c>deno run</c> of the entry module with no <c>--allow-*</c> flag at all: nothing fetched from the network or npm
    /// (remote imports would be requests the host makes for the code), no config or lock file looked for.
    /// </summary>
    /// The V8 heap is bounded by <paramref name="memoryMegabytes"/>: past it V8 ends the process ("Reached heap limit").
    public static ProcessStartInfo RunInfo(string denoPath, string directory, int memoryMegabytes, string entryModule = EntryModule) =>
        StartInfo(denoPath, directory, [
            "run", "--no-prompt", "--no-remote", "--no-npm", "--no-config", "--no-lock", "--quiet",
            FormattableString.Invariant($"--v8-flags=--max-old-space-size={memoryMegabytes}"), entryModule]);

    // The module graph of the entry module, as JSON, resolved the way run resolves it.
    private static ProcessStartInfo InfoInfo(string denoPath, string directory) =>
        StartInfo(denoPath, directory, ["info", "--json", "--no-remote", "--no-npm", "--no-config", "--no-lock", EntryModule]);

    private static ProcessStartInfo StartInfo(string denoPath, string directory, string[] arguments)
    {
        var start = new ProcessStartInfo(denoPath)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Not even the host's environment is inherited (the code could not read it anyway: no --allow-env).
        start.Environment.Clear();
        start.Environment["DENO_DIR"] = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(directory)!)!, ".deno");
        start.Environment["NO_COLOR"] = "1";
        start.Environment["DENO_NO_UPDATE_CHECK"] = "1";
        return start;
    }

    /// <summary>
    /// A log line or stack trace of the function as its author reads it: paths relative to the deployment
    /// (<c>functions/api/[id].js:4:17</c>), no colours, and none of the runtime's own frames (ours and Deno's).
    /// </summary>
    public static string WithoutHostDetails(string text, string directory)
    {
        var relative = AnsiEscape().Replace(text, "")
            .Replace(new Uri(directory + Path.DirectorySeparatorChar).AbsoluteUri, "", StringComparison.Ordinal)
            .Replace(directory + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
        return RuntimeFrame().Replace(relative, "");
    }

    // The setup module first (binding globals), then every function file, then serve (or report) over all of them.
    private static string Entry(IReadOnlyList<string> modules, string run)
    {
        var entry = new StringBuilder();
        entry.Append(CultureInfoInvariant($"import \"./{SetupModule}\";\nimport {{ {run} }} from \"./{ShimModule}\";\n"));
        for (var i = 0; i < modules.Count; i++)
        {
            entry.Append(CultureInfoInvariant($"import * as m{i} from {JsonSerializer.Serialize("./functions/" + modules[i])};\n"));
        }

        entry.Append(run).Append("({");
        entry.AppendJoin(", ", modules.Select((path, i) => CultureInfoInvariant($"{JsonSerializer.Serialize(path)}: m{i}")));
        entry.Append("});\n");
        return entry.ToString();
    }

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);

    // Refuses a graph that reaches outside the folder; answers the function files other function files import. Deno's
    // built-in modules (node:…) are allowed: they are part of the runtime, under the same (absent) permissions as Deno.*.
    private static async Task<IReadOnlySet<string>> CheckGraphAsync(string denoPath, string directory, CancellationToken cancellationToken)
    {
        using var process = Process.Start(InfoInfo(denoPath, directory))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        using var graph = await ParseGraphAsync(stdout, stderr, directory);
        var inside = new Uri(directory + Path.DirectorySeparatorChar).AbsoluteUri;
        var functions = inside + "functions/";
        var imported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var module in graph.RootElement.GetProperty("modules").EnumerateArray())
        {
            var specifier = module.GetProperty("specifier").GetString() ?? "";
            if (specifier.StartsWith("node:", StringComparison.Ordinal))
            {
                continue;
            }

            if (!specifier.StartsWith(inside, StringComparison.Ordinal))
            {
                throw new RuntimeStartException($"The functions import a module outside their deployment: {specifier}");
            }

            if (module.TryGetProperty("error", out var error))
            {
                throw new RuntimeStartException($"A module of the functions does not load: {Readable(error.GetString() ?? "", directory)}");
            }

            if (specifier.StartsWith(functions, StringComparison.Ordinal))
            {
                imported.UnionWith(ImportsOf(module, functions));
            }
        }

        await stderr;
        return imported;
    }

    private static IEnumerable<string> ImportsOf(JsonElement module, string functions)
    {
        if (!module.TryGetProperty("dependencies", out var dependencies))
        {
            yield break;
        }

        foreach (var dependency in dependencies.EnumerateArray())
        {
            if (dependency.TryGetProperty("code", out var code)
                && code.TryGetProperty("specifier", out var resolved)
                && resolved.GetString() is { } target
                && target.StartsWith(functions, StringComparison.Ordinal))
            {
                yield return Uri.UnescapeDataString(target[functions.Length..]);
            }
        }
    }

    private static async Task<JsonDocument> ParseGraphAsync(Task<string> stdout, Task<string> stderr, string directory)
    {
        try
        {
            return JsonDocument.Parse(await stdout);
        }
        catch (JsonException)
        {
            throw new RuntimeStartException($"The functions' modules could not be resolved: {Readable(await stderr, directory)}");
        }
    }

    // A stack frame of the shim (__edgekv_*.js) or of Deno itself (ext:…), with its line break.
    [System.Text.RegularExpressions.GeneratedRegex(@"\n[ \t]+at [^\n]*(__edgekv_|\(ext:|at ext:)[^\n]*")]
    private static partial System.Text.RegularExpressions.Regex RuntimeFrame();

    [System.Text.RegularExpressions.GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial System.Text.RegularExpressions.Regex AnsiEscape();

    private static readonly Lazy<string> Shim = new(() => Resource("edgekv-runtime.js"));

    private static readonly Lazy<string> FetchShim = new(() => Resource("edgekv-fetch.js"));

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
