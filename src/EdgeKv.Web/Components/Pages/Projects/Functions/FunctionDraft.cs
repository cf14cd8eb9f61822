namespace EdgeKv.Web.Components.Pages.Projects.Functions;

/// <summary>
/// A project's functions as being edited in the console: the files (path → source) and the deployment they started
/// from (null: the starter). Saving and file operations change the draft only; deploying sends it.
/// </summary>
public sealed class FunctionDraft
{
    /// <summary>The starter a project without a deployment begins with.</summary>
    public const string StarterPath = "index.js";

    /// <summary>The starter's source: the guide's shape of a function.</summary>
    public const string StarterSource =
        "export async function onRequest({ request, params, env }) {\n" +
        "    return new Response(\"Hello from EdgeKv\", {\n" +
        "        headers: { \"content-type\": \"text/plain; charset=utf-8\" },\n" +
        "    });\n" +
        "}\n";

    /// <summary>
    /// A new file's source: a route (a file no other imports) must export a handler to deploy, so a new file starts as
    /// one; a module meant for imports is edited from there.
    /// </summary>
    public const string NewFileSource =
        "export async function onRequest({ request, params, env }) {\n" +
        "    return new Response(\"\");\n" +
        "}\n";

    private FunctionDraft(int? baseDeploymentId, IReadOnlyDictionary<string, string> files)
    {
        BaseDeploymentId = baseDeploymentId;
        Files = new SortedDictionary<string, string>(files.ToDictionary(), StringComparer.Ordinal);
        Saved = new Dictionary<string, string>(files, StringComparer.Ordinal);
    }

    /// <summary>The deployment the draft started from; null for the starter.</summary>
    public int? BaseDeploymentId { get; }

    /// <summary>The files, by path (ordinal order, as the file list shows them).</summary>
    public SortedDictionary<string, string> Files { get; }

    // The files as they were deployed (or as the starter began), to tell whether the draft differs.
    private Dictionary<string, string> Saved { get; }

    /// <summary>True when the files differ from what the draft started from.</summary>
    public bool Changed => Files.Count != Saved.Count || Files.Any(f => !Saved.TryGetValue(f.Key, out var source) || source != f.Value);

    /// <summary>A draft of a deployment's files.</summary>
    public static FunctionDraft Of(int deploymentId, IReadOnlyDictionary<string, string> files) => new(deploymentId, files);

    /// <summary>The starter: one <c>index.js</c>.</summary>
    public static FunctionDraft Starter() => new(null, new Dictionary<string, string> { [StarterPath] = StarterSource });
}
