namespace EdgeKv.Api.Tests.Support;

/// <summary>
/// Where the real clients are: the Deno runtime and the Node client, installed by <c>npm ci</c> in tests/clients
/// (build/test.sh runs it), and the scripts the tests run with them.
/// </summary>
internal static class ClientRuntimes
{
    private static readonly Lazy<string> s_clientsDirectory = new(FindClientsDirectory);

    public static string ClientsDirectory => s_clientsDirectory.Value;

    public static string DenoScript(string name) => Path.Combine(ClientsDirectory, "deno", name);

    public static string NodeScript(string name) => Path.Combine(ClientsDirectory, "node", name);

    /// <summary>The deno binary from the npm package, made executable (npm may not keep the mode bit).</summary>
    public static string Deno()
    {
        var path = Path.Combine(ClientsDirectory, "node_modules", "@deno", "linux-x64-glibc", "deno");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The Deno runtime is missing at {path}: run 'npm ci' in {ClientsDirectory} (build/test.sh does).");
        }

        if (OperatingSystem.IsWindows())
        {
            return path;
        }

        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return path;
    }

    /// <summary>The Node runtime; the Node client package must be installed beside the scripts.</summary>
    public static string Node()
    {
        var package = Path.Combine(ClientsDirectory, "node_modules", "@deno", "kv", "package.json");
        if (!File.Exists(package))
        {
            throw new InvalidOperationException($"The Node client @deno/kv is missing: run 'npm ci' in {ClientsDirectory} (build/test.sh does).");
        }

        return "node";
    }

    private static string FindClientsDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EdgeKv.sln")))
            {
                return Path.Combine(directory.FullName, "tests", "clients");
            }
        }

        throw new InvalidOperationException("Could not find the repository root (EdgeKv.sln) above the test binaries.");
    }
}
