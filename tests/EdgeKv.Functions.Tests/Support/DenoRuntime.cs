namespace EdgeKv.Functions.Tests.Support;

/// <summary>The Deno binary the functions run on, from src/EdgeKv.Functions (npm ci there; build/test.sh does it), made executable.</summary>
internal static class DenoRuntime
{
    public static string Path()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "EdgeKv.sln")))
            {
                var path = System.IO.Path.Combine(directory.FullName, "src", "EdgeKv.Functions", "node_modules", "@deno", "linux-x64-glibc", "deno");
                if (!File.Exists(path))
                {
                    throw new InvalidOperationException($"The Deno runtime is missing at {path}: run 'npm ci --prefix src/EdgeKv.Functions' (build/test.sh does).");
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
        }

        throw new InvalidOperationException("Could not find the repository root (EdgeKv.sln) above the test binaries.");
    }
}
