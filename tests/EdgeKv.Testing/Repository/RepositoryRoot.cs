namespace EdgeKv.Testing.Repository;

/// <summary>
/// The repository (the folder holding EdgeKv.sln) above the test binaries: the one place tests find the sources, docs
/// and npm-installed runtimes they read or run.
/// </summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string?> s_found = new(Find);

    /// <summary>The repository's folder; throws when the tests run outside a checkout.</summary>
    public static string Path => s_found.Value ?? throw new InvalidOperationException("EdgeKv.sln not found above " + AppContext.BaseDirectory);

    /// <summary>The repository's folder, or null outside a checkout (for what is optional there, e.g. copying screenshots).</summary>
    public static string? TryFind() => s_found.Value;

    /// <summary><paramref name="parts"/> below the repository's folder.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string? Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "EdgeKv.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
