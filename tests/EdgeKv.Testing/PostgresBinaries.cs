namespace EdgeKv.Testing.Postgres;

/// <summary>
/// Where Debian keeps PostgreSQL's server programs (<c>initdb</c>, <c>pg_ctl</c>, <c>pg_basebackup</c>): not on the
/// PATH, under <c>/usr/lib/postgresql/&lt;major&gt;/bin</c>. <c>EDGEKV_PG_BIN</c> names another folder.
/// </summary>
public static class PostgresBinaries
{
    /// <summary>The folder holding <c>initdb</c>, or an exception that says how to get one.</summary>
    public static string Directory()
    {
        var configured = Environment.GetEnvironmentVariable("EDGEKV_PG_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(Path.Combine(configured, "initdb"))
                ? configured
                : throw new InvalidOperationException($"EDGEKV_PG_BIN={configured} holds no initdb.");
        }

        const string root = "/usr/lib/postgresql";
        var newest = System.IO.Directory.Exists(root)
            ? System.IO.Directory.GetDirectories(root)
                .Select(d => (Folder: Path.Combine(d, "bin"), Major: int.TryParse(Path.GetFileName(d), out var major) ? major : 0))
                .Where(d => File.Exists(Path.Combine(d.Folder, "initdb")))
                .OrderByDescending(d => d.Major)
                .Select(d => d.Folder)
                .FirstOrDefault()
            : null;
        return newest ?? throw new InvalidOperationException(
            "PostgreSQL's server programs were not found under /usr/lib/postgresql/*/bin: install Debian's package " +
            "(sudo apt-get install postgresql; build/test.sh does it when run as root) or set EDGEKV_PG_BIN.");
    }

    /// <summary>The full path of one program of the folder.</summary>
    public static string Program(string name) => Path.Combine(Directory(), name);
}
