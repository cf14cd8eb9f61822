using Microsoft.Data.Sqlite;

namespace EdgeKv.Core.Tests.Build;

/// <summary>
/// The engine runs on the SQLite that SQLitePCLRaw bundles. This holds the floor the platform decision rests on
/// (docs/adr/0004-*): a restore that quietly fell back to an old bundle would fail here.
/// </summary>
public sealed class SqliteVersionTests
{
    [Fact]
    public void SqliteVersion_BundledLibrary_IsAtLeast3_53()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";

        var version = Version.Parse((string)command.ExecuteScalar()!);

        Assert.True(version >= new Version(3, 53), $"SQLite {version} is older than 3.53.");
    }
}
