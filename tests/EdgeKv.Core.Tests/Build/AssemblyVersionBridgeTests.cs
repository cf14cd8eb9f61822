using System.Reflection;
using EdgeKv.Build;
using Microsoft.Data.Sqlite;

namespace EdgeKv.Core.Tests.Build;

public sealed class AssemblyVersionBridgeTests
{
    [Fact]
    public void SqliteConnection_WithServedSqlitePclRaw_OpensAndQueries()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";

        var version = (string)command.ExecuteScalar()!;

        Assert.StartsWith("3.", version);
    }

    [Fact]
    public void ResolveBridged_UnrelatedName_ReturnsNull()
    {
        var resolved = AssemblyVersionBridge.ResolveBridged(
            System.Runtime.Loader.AssemblyLoadContext.Default, new AssemblyName("Some.Other.Assembly"));

        Assert.Null(resolved);
    }

    [Fact]
    public void ResolveBridged_HigherSqlitePclRawVersion_AnswersWithTheServedAssembly()
    {
        var requested = new AssemblyName("SQLitePCLRaw.core") { Version = new Version(2, 1, 13, 3146) };

        var resolved = AssemblyVersionBridge.ResolveBridged(System.Runtime.Loader.AssemblyLoadContext.Default, requested);

        Assert.NotNull(resolved);
        Assert.Equal("SQLitePCLRaw.core", resolved.GetName().Name);
        Assert.True(resolved.GetName().Version < requested.Version);
    }
}
