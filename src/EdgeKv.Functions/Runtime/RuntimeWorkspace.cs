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
internal static class RuntimeWorkspace
{
    public const string EntryModule = "__edgekv_main.js";

    private const string ShimModule = "__edgekv_runtime.js";
    private const string SetupModule = "__edgekv_setup.js";
    private const string FetchModule = "__edgekv_fetch.js";

    /// <summary>Writes the folder of <paramref name="deployment"/> with <paramref name="bindings"/> (fresh each time) and checks its graph.</summary>
    public static async Task<string> PrepareAsync(
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
        await File.WriteAllTextAsync(
            Path.Combine(directory, SetupModule), $"import {{ install }} from \"./{ShimModule}\";\nimport \"./{FetchModule}\";\ninstall({names});\n", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, EntryModule), Entry(modules), cancellationToken);
        await CheckGraphAsync(denoPath, directory, cancellationToken);
        return directory;
    }

    /// <summary>
    /// <c>deno run</c> of the entry module with no <c>--allow-*</c> flag at all: nothing fetched from the network or npm
    /// (remote imports would be requests the host makes for the code), no config or lock file looked for.
    /// </summary>
    public static ProcessStartInfo RunInfo(string denoPath, string directory) =>
        StartInfo(denoPath, directory, ["run", "--no-prompt", "--no-remote", "--no-npm", "--no-config", "--no-lock", "--quiet", EntryModule]);

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

    private static string Entry(IReadOnlyList<string> modules)
    {
        var entry = new StringBuilder();
        entry.Append(CultureInfoInvariant($"import \"./{SetupModule}\";\nimport {{ serve }} from \"./{ShimModule}\";\n"));
        for (var i = 0; i < modules.Count; i++)
        {
            entry.Append(CultureInfoInvariant($"import * as m{i} from {JsonSerializer.Serialize("./functions/" + modules[i])};\n"));
        }

        entry.Append("serve({");
        entry.AppendJoin(", ", modules.Select((path, i) => CultureInfoInvariant($"{JsonSerializer.Serialize(path)}: m{i}")));
        entry.Append("});\n");
        return entry.ToString();
    }

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);

    private static async Task CheckGraphAsync(string denoPath, string directory, CancellationToken cancellationToken)
    {
        using var process = Process.Start(InfoInfo(denoPath, directory))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        using var graph = await ParseGraphAsync(stdout, stderr);
        var inside = new Uri(directory + Path.DirectorySeparatorChar).AbsoluteUri;
        foreach (var module in graph.RootElement.GetProperty("modules").EnumerateArray())
        {
            var specifier = module.GetProperty("specifier").GetString() ?? "";
            if (!specifier.StartsWith(inside, StringComparison.Ordinal))
            {
                throw new RuntimeStartException($"The functions import a module outside their deployment: {specifier}");
            }

            if (module.TryGetProperty("error", out var error))
            {
                throw new RuntimeStartException($"A module of the functions does not load: {error.GetString()}");
            }
        }

        await stderr;
    }

    private static async Task<JsonDocument> ParseGraphAsync(Task<string> stdout, Task<string> stderr)
    {
        try
        {
            return JsonDocument.Parse(await stdout);
        }
        catch (JsonException)
        {
            throw new RuntimeStartException($"The functions' modules could not be resolved: {(await stderr).Trim()}");
        }
    }

    private static readonly Lazy<string> Shim = new(() => Resource("edgekv-runtime.js"));

    private static readonly Lazy<string> FetchShim = new(() => Resource("edgekv-fetch.js"));

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
