using System.Reflection;
using EdgeKv.Testing.Repository;

namespace EdgeKv.Testing.Cluster;

/// <summary>
/// Where the build left the console host (<c>src/EdgeKv.Web/bin/&lt;configuration&gt;/net10.0/EdgeKv.Web.dll</c>) and
/// the repository's root it runs from (<see cref="RepositoryRoot"/>). A test project that starts it references src/EdgeKv.Web without its assembly
/// (<c>ReferenceOutputAssembly="false"</c>), so its build builds the host first, in the same configuration as this one.
/// </summary>
internal static class BuiltWebHost
{
    /// <summary>The built host's assembly, or an exception that says how to build it.</summary>
    public static string Assembly()
    {
        var configuration = typeof(BuiltWebHost).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var path = Path.Combine(RepositoryRoot.Path, "src", "EdgeKv.Web", "bin", configuration, "net10.0", "EdgeKv.Web.dll");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} is missing: build src/EdgeKv.Web -c {configuration} (the test project's build does it when it references the host).");
    }
}
