namespace EdgeKv.Web.Tests.Infrastructure;

/// <summary>Finds the repository (the folder holding EdgeKv.sln) above the test binaries, for tests that read sources.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "EdgeKv.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EdgeKv.sln not found above " + AppContext.BaseDirectory);
    }
}
