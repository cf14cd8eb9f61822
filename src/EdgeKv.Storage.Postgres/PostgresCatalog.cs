using EdgeKv.Core;
using EdgeKv.Core.Registry;
using Npgsql;

namespace EdgeKv.Storage.Postgres;

/// <summary>
/// The namespaces and budget groups, in the database itself (<c>kv_namespaces</c>, <c>kv_budgets</c>) rather than in
/// a node's memory, so every node sees the same catalog and a budget holds across nodes: a commit locks its group's
/// row, so of two nodes racing for a group's last bytes one wins. Storage failures become
/// <see cref="KvErrorCode.StorageUnavailable"/>.
/// </summary>
internal static class PostgresCatalog
{
    public static Task<PostgresNamespace?> FindAsync(NpgsqlDataSource dataSource, string name, CancellationToken cancellationToken) =>
        PostgresErrors.GuardAsync(async () =>
        {
            await using var command = Sql.Command(dataSource, PostgresStatements.FindNamespace, name);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? new PostgresNamespace(reader.GetInt64(0), name, reader.IsDBNull(1) ? null : reader.GetString(1))
                : null;
        });

    /// <summary>Adds a namespace (and its budget group's row); null when the name is taken.</summary>
    public static Task<PostgresNamespace?> AddAsync(NpgsqlDataSource dataSource, string name, string? budgetGroup, CancellationToken cancellationToken) =>
        PostgresErrors.GuardAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var batch = new NpgsqlBatch(connection, transaction);
            if (budgetGroup is not null)
            {
                batch.BatchCommands.Add(Sql.Command(PostgresStatements.EnsureBudgetRow, budgetGroup));
            }

            batch.BatchCommands.Add(Sql.Command(PostgresStatements.AddNamespace, name, budgetGroup));
            var id = await batch.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return id is long value ? new PostgresNamespace(value, name, budgetGroup) : null;
        });

    public static bool Exists(NpgsqlDataSource dataSource, string name) => Guard(() =>
    {
        using var command = Sql.Command(dataSource, PostgresStatements.NamespaceExists, name);
        return command.ExecuteScalar() is true;
    });

    public static List<string> List(NpgsqlDataSource dataSource) => Guard(() =>
    {
        using var command = dataSource.CreateCommand(PostgresStatements.ListNamespaces);
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    });

    /// <summary>
    /// Deletes a namespace's rows, its catalog entry and its bytes from its budget group, in one transaction that first
    /// takes the namespace's commit lock — the lock every commit group and sweep of every node takes first, so none is
    /// halfway through it, and one that waited for it finds no namespace (NamespaceNotFound). Taking that lock before
    /// any row lock keeps the order every writer uses (a row lock first would deadlock with a commit group's update
    /// of the meta row). Throws NamespaceNotFound.
    /// </summary>
    public static Task RemoveAsync(NpgsqlDataSource dataSource, string name, CancellationToken cancellationToken) =>
        PostgresErrors.GuardAsync(async () =>
        {
            var ns = await FindAsync(dataSource, name, cancellationToken).ConfigureAwait(false)
                ?? throw new KvException(KvErrorCode.NamespaceNotFound);
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            long storedBytes;
            await using (var wait = new NpgsqlBatch(connection, transaction))
            {
                wait.BatchCommands.Add(Sql.Command(PostgresStatements.LockNamespace, PostgresStatements.CommitLockClass, (int)ns.Id));
                wait.BatchCommands.Add(Sql.Command(PostgresStatements.GetStoredBytes, ns.Id));
                await using var reader = await wait.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    throw new KvException(KvErrorCode.NamespaceNotFound);
                }

                storedBytes = reader.GetInt64(0);
            }

            await using var batch = new NpgsqlBatch(connection, transaction);
            batch.BatchCommands.Add(Sql.Command(PostgresStatements.RemoveNamespaceEntries, ns.Id));
            batch.BatchCommands.Add(Sql.Command(PostgresStatements.RemoveNamespaceDeletions, ns.Id));
            batch.BatchCommands.Add(Sql.Command(PostgresStatements.RemoveNamespaceChanges, ns.Id));
            batch.BatchCommands.Add(Sql.Command(PostgresStatements.RemoveNamespaceRow, ns.Id));
            if (ns.BudgetGroup is { } group)
            {
                batch.BatchCommands.Add(Sql.Command(PostgresStatements.AddBudgetUse, group, -storedBytes));
            }

            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        });

    public static Task SetBudgetAsync(NpgsqlDataSource dataSource, string budgetGroup, long? limitBytes, CancellationToken cancellationToken) =>
        PostgresErrors.GuardAsync(async () =>
        {
            await using var command = Sql.Command(dataSource, PostgresStatements.SetBudget, budgetGroup, limitBytes);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        });

    public static Task<KvBudgetUsage> GetBudgetAsync(NpgsqlDataSource dataSource, string budgetGroup, CancellationToken cancellationToken) =>
        PostgresErrors.GuardAsync(async () =>
        {
            await using var command = Sql.Command(dataSource, PostgresStatements.GetBudget, budgetGroup);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? new KvBudgetUsage(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1))
                : new KvBudgetUsage(0, null);
        });

    private static T Guard<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (PostgresErrors.IsStorageFailure(e))
        {
            throw PostgresErrors.Unavailable(e);
        }
    }
}
