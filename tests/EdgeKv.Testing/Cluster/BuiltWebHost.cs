using System.Reflection;

namespace EdgeKv.Testing.Cluster;

/// <summary>
/// Where the build left the console host (<c>src/EdgeKv.Web/bin/&lt;configuration&gt;/net10.0/EdgeKv.Web.dll</c>) and
/// the repository's root it runs from. A test project that starts it references src/EdgeKv.Web without its assembly
/// (<c>ReferenceOutputAssembly="false"</c>), so its build builds the host first, in the same configuration as this one.
/// </summary>
internal static class BuiltWebHost
{
    /// <summary>The repository's root: the folder above the test's output holding EdgeKv.sln (the host's content root).</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "EdgeKv.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No EdgeKv.sln above {AppContext.BaseDirectory}: the host is found from a build inside the repository.");
    }

    /// <summary>The built host's assembly, or an exception that says how to build it.</summary>
    public static string Assembly()
    {
        var configuration = typeof(BuiltWebHost).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var path = Path.Combine(RepositoryRoot(), "src", "EdgeKv.Web", "bin", configuration, "net10.0", "EdgeKv.Web.dll");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} is missing: build src/EdgeKv.Web -c {configuration} (the test project's build does it when it references the host).");
    }
}
