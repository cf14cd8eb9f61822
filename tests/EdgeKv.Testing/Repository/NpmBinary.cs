namespace EdgeKv.Testing.Repository;

/// <summary>A program an npm package installed in the repository (e.g. Deno), checked present and made executable.</summary>
public static class NpmBinary
{
    /// <summary>
    /// The binary at <paramref name="parts"/> below the repository, with its execute bit set (npm may not keep it);
    /// missing, an error that says to run <paramref name="installCommand"/>.
    /// </summary>
    public static string Require(string installCommand, params string[] parts)
    {
        var path = RepositoryRoot.Combine(parts);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: run '{installCommand}' (build/test.sh does).");
        }

        if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(path) is var mode && !mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return path;
    }
}
