namespace EdgeKv.Testing.Repository;

/// <summary>The Deno 2.9.6 binary the functions run on, from src/EdgeKv.Functions (npm ci there; build/test.sh does it).</summary>
public static class DenoRuntime
{
    /// <summary>Its path, made executable.</summary>
    public static string Path() =>
        NpmBinary.Require("npm ci --prefix src/EdgeKv.Functions", "src", "EdgeKv.Functions", "node_modules", "@deno", "linux-x64-glibc", "deno");
}
