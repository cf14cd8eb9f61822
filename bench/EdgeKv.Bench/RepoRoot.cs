namespace EdgeKv.Bench;

/// <summary>Finds the repository (the folder holding EdgeKv.sln), wherever the benchmark is started from.</summary>
internal static class RepoRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "EdgeKv.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("run the benchmark from inside the EdgeKv repository (no EdgeKv.sln found)");
    }
}
