using EdgeKv.Testing.Repository;

namespace EdgeKv.Api.Tests.Support;

/// <summary>
/// Where the real clients are: the Deno runtime and the Node client, installed by <c>npm ci</c> in tests/clients
/// (build/test.sh runs it), and the scripts the tests run with them.
/// </summary>
internal static class ClientRuntimes
{
    public static string ClientsDirectory { get; } = RepositoryRoot.Combine("tests", "clients");

    public static string DenoScript(string name) => Path.Combine(ClientsDirectory, "deno", name);

    public static string NodeScript(string name) => Path.Combine(ClientsDirectory, "node", name);

    /// <summary>The deno binary from the npm package, made executable (npm may not keep the mode bit).</summary>
    public static string Deno() => NpmBinary.Require("npm ci --prefix tests/clients", "tests", "clients", "node_modules", "@deno", "linux-x64-glibc", "deno");

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

}
