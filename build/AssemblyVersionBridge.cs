// Compiled into every entry assembly (web host, benchmark, each test project) by Directory.Build.targets.
//
// Why: Microsoft.Data.Sqlite 9 is compiled against SQLitePCLRaw.core 2.1.13 and bUnit 2 against
// AngleSharp.Diffing 1.0, but the package source serves only SQLitePCLRaw 2.0.6 and AngleSharp.Diffing 0.17.
// Every member those assemblies use exists in the older versions (checked against their metadata; the one
// miss, raw.sqlite3_load_extension, is only reached by SqliteConnection.LoadExtension, which we never call).
// .NET will not bind a request for a higher assembly version to a lower one on its own, so this handler
// answers a failed request for exactly those two names with the dll that ships beside the app.
// See docs/adr/0002-assembly-version-bridge.md.

using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace EdgeKv.Build;

internal static class AssemblyVersionBridge
{
    /// <summary>The simple names whose older served versions stand in for the versions compiled against.</summary>
    internal static readonly string[] BridgedNames = ["SQLitePCLRaw.core", "AngleSharp.Diffing"];

#pragma warning disable CA2255 // A module initializer is the point: it must run before any other code of the process.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Install() => AssemblyLoadContext.Default.Resolving += ResolveBridged;

    internal static Assembly? ResolveBridged(AssemblyLoadContext context, AssemblyName requested)
    {
        if (requested.Name is null || Array.IndexOf(BridgedNames, requested.Name) < 0)
        {
            return null;
        }

        var path = Path.Combine(AppContext.BaseDirectory, requested.Name + ".dll");
        return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
    }
}
