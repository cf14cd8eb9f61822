using Microsoft.Data.Sqlite;

namespace EdgeKv.Core.Sqlite;

/// <summary>Opening connections and preparing the statements each connection reuses for its whole life.</summary>
internal static class SqliteConnections
{
    /// <summary>
    /// Opens <paramref name="path"/> unpooled (so disposing a store really closes its files, and a namespace's files
    /// can then be deleted) and runs <paramref name="pragmas"/>.
    /// </summary>
    public static SqliteConnection Open(string path, string pragmas)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = false,
            DefaultTimeout = 30,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>A command prepared once; its parameters are set and it is executed many times.</summary>
    public static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameterNames)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    /// <summary>Runs a PASSIVE checkpoint: copies what it can of the log into the database, blocking no one.</summary>
    public static void CheckpointPassive(SqliteConnection connection) => Execute(connection, SqliteStatements.CheckpointPassive);

    /// <summary>Runs a statement that returns one integer.</summary>
    public static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Runs a statement that returns nothing.</summary>
    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
