using EdgeKv.Core.Registry;
using EdgeKv.Storage.Postgres;
using Npgsql;
using static EdgeKv.Core.Tests.Support.Keys;

namespace EdgeKv.Core.Tests.Postgres;

/// <summary>
/// A commit group whose transaction fails after it took the namespace's commit lock ends that transaction at once, so
/// another node can commit to the namespace next instead of waiting for a lock a failed transaction keeps on a pooled
/// connection. Made deterministic with the server's own <c>lock_timeout</c> (1 s for every session of the test's
/// database) and a session holding the budget group's row, which a commit locks right after the namespace's commit
/// lock. (Measured: the test stays green with <c>PostgresCommitWriter</c>'s explicit ROLLBACK removed — Npgsql ends a
/// connection's open transaction itself when the connection goes back to its pool — so it guards the behaviour, not
/// that statement.)
/// </summary>
public sealed class PostgresCommitRollbackTests : IAsyncLifetime
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private string _database = "";

    public async ValueTask InitializeAsync()
    {
        _database = await SharedPostgresServer.CreateDatabaseAsync();
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync(_ct);
        await using var command = new NpgsqlCommand("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET lock_timeout = %L', current_database(), '1s'); END $$", connection);
        await command.ExecuteNonQueryAsync(_ct);
    }

    public async ValueTask DisposeAsync() => await SharedPostgresServer.DropDatabaseAsync(_database);

    [Fact]
    public async Task Commit_FailsInsideItsTransactionAfterTakingTheCommitLock_RolledBack_AnotherNodeCommitsNext()
    {
        // Arrange: two nodes on a namespace of budget group "acct"; another session holds the group's row.
        await using var nodeA = await RegistryAsync();
        await using var nodeB = await RegistryAsync();
        var onA = await nodeA.CreateNamespaceAsync("ns", "acct", _ct);
        await onA.SetAsync(K("k"), Text("first"), cancellationToken: _ct);
        var onB = await nodeB.OpenAsync("ns", _ct);
        await using var blocker = new NpgsqlConnection(_database);
        await blocker.OpenAsync(_ct);
        await using var holding = await blocker.BeginTransactionAsync(_ct);
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM kv_budgets WHERE budget_group = 'acct' FOR UPDATE", blocker, holding))
        {
            await lockRow.ExecuteNonQueryAsync(_ct);
        }

        // Act: A's group takes the commit lock, then times out on the row (a statement failing inside its transaction).
        var failure = await Record.ExceptionAsync(() => onA.SetAsync(K("k"), Text("from A"), cancellationToken: _ct));
        await holding.CommitAsync(_ct);
        var fromB = await Record.ExceptionAsync(() => onB.SetAsync(K("k"), Text("from B"), cancellationToken: _ct));

        // Assert: A's write failed with the server's lock timeout and changed nothing; B did not wait for A's lock.
        Assert.Equal(PostgresErrorCodes.LockNotAvailable, Assert.IsType<PostgresException>(failure).SqlState);
        Assert.Null(fromB);
        Assert.Equal("from B", TextOf(await onA.GetAsync(K("k"), cancellationToken: _ct)));
    }

    private async Task<IKvStoreRegistry> RegistryAsync() =>
        await Task.Run(() => new PostgresKvStoreRegistry(PostgresTestBackend.ToPostgres(_database, null)), _ct);
}
