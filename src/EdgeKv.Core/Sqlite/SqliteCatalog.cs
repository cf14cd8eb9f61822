using Microsoft.Data.Sqlite;

namespace EdgeKv.Core.Sqlite;

/// <summary>
/// The registry's catalog: which namespaces exist, their budget group, and the groups' byte limits.
/// </summary>
/// <remarks>
/// Why a SQLite file (<c>catalog.db</c>) rather than a JSON file: every change is one durable, atomic statement with
/// no hand-made write-temp/fsync/rename/fsync-directory sequence to get right, two processes opening the same data
/// directory are serialized by SQLite's file locks instead of overwriting each other, and it costs no new dependency.
/// The registry keeps the catalog in memory too and changes it only under its own lock.
/// </remarks>
internal sealed class SqliteCatalog : IDisposable
{
    private readonly SqliteConnection _connection;

    public SqliteCatalog(string path)
    {
        _connection = SqliteConnections.Open(path, SqliteStatements.CatalogPragmas);
        try
        {
            SqliteSchema.Migrate(_connection, SqliteSchema.CatalogMigrations);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    /// <summary>Every namespace and its budget group (null: none).</summary>
    public Dictionary<string, string?> LoadNamespaces()
    {
        var namespaces = new Dictionary<string, string?>(StringComparer.Ordinal);
        using var command = Command(SqliteStatements.ListNamespaces);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            namespaces[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
        }

        return namespaces;
    }

    /// <summary>Every budget group that has a limit.</summary>
    public Dictionary<string, long> LoadBudgets()
    {
        var budgets = new Dictionary<string, long>(StringComparer.Ordinal);
        using var command = Command(SqliteStatements.ListBudgets);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            budgets[reader.GetString(0)] = reader.GetInt64(1);
        }

        return budgets;
    }

    public void AddNamespace(string id, string? budgetGroup)
    {
        using var command = Command(SqliteStatements.AddNamespace);
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$budget_group", (object?)budgetGroup ?? DBNull.Value);
        command.Parameters.AddWithValue("$created_at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
    }

    public void RemoveNamespace(string id)
    {
        using var command = Command(SqliteStatements.RemoveNamespace);
        command.Parameters.AddWithValue("$id", id);
        command.ExecuteNonQuery();
    }

    public void SetBudget(string budgetGroup, long? limitBytes)
    {
        using var command = Command(limitBytes is null ? SqliteStatements.RemoveBudget : SqliteStatements.SetBudget);
        command.Parameters.AddWithValue("$budget_group", budgetGroup);
        if (limitBytes is { } limit)
        {
            command.Parameters.AddWithValue("$limit_bytes", limit);
        }

        command.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
