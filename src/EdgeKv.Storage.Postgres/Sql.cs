using Npgsql;

namespace EdgeKv.Storage.Postgres;

/// <summary>Small helpers for building commands and batches of the named statements.</summary>
internal static class Sql
{
    public static NpgsqlParameter Value(object? value) => new() { Value = value ?? DBNull.Value };

    public static NpgsqlBatchCommand Command(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(Value(value));
        }

        return command;
    }

    public static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(Value(value));
        }

        return command;
    }

    public static NpgsqlCommand Command(NpgsqlDataSource dataSource, string sql, params object?[] values)
    {
        var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(Value(value));
        }

        return command;
    }
}
