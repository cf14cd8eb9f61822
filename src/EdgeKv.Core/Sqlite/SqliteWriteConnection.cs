using EdgeKv.Core.Store;
using EdgeKv.Core.Values;
using Microsoft.Data.Sqlite;

namespace EdgeKv.Core.Sqlite;

/// <summary>
/// The store's one write connection and its prepared statements, used only by the writer loop. Transactions are
/// plain SQL (BEGIN IMMEDIATE / SAVEPOINT), so the statements never need re-binding to a transaction object.
/// </summary>
internal sealed class SqliteWriteConnection : IDisposable
{
    private const int NoTransactionErrorCode = 1;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand[] _all;
    private readonly SqliteCommand _begin;
    private readonly SqliteCommand _commit;
    private readonly SqliteCommand _rollback;
    private readonly SqliteCommand _savepoint;
    private readonly SqliteCommand _release;
    private readonly SqliteCommand _rollbackTo;
    private readonly SqliteCommand _rowState;
    private readonly SqliteCommand _rowValue;
    private readonly SqliteCommand _upsert;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _setMeta;
    private readonly SqliteCommand _deleteExpired;
    private readonly SqliteCommand _earliestExpiry;
    private readonly SqliteCommand _recordDeletion;
    private readonly SqliteCommand _pruneCutoff;
    private readonly SqliteCommand _pruneDeletions;
    private readonly SqliteCommand _forgetDeletions;

    public SqliteWriteConnection(string path)
    {
        _connection = SqliteConnections.Open(path, SqliteStatements.WriterPragmas);
        try
        {
            SqliteSchema.Migrate(_connection, SqliteSchema.StoreMigrations);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }

        _all =
        [
            _begin = SqliteConnections.Prepare(_connection, SqliteStatements.BeginWrite),
            _commit = SqliteConnections.Prepare(_connection, SqliteStatements.Commit),
            _rollback = SqliteConnections.Prepare(_connection, SqliteStatements.Rollback),
            _savepoint = SqliteConnections.Prepare(_connection, SqliteStatements.Savepoint),
            _release = SqliteConnections.Prepare(_connection, SqliteStatements.ReleaseSavepoint),
            _rollbackTo = SqliteConnections.Prepare(_connection, SqliteStatements.RollbackToSavepoint),
            _rowState = SqliteConnections.Prepare(_connection, SqliteStatements.GetRowState, "$k"),
            _rowValue = SqliteConnections.Prepare(_connection, SqliteStatements.GetRowValue, "$k"),
            _upsert = SqliteConnections.Prepare(_connection, SqliteStatements.Upsert, "$k", "$v", "$encoding", "$version", "$expires_at"),
            _delete = SqliteConnections.Prepare(_connection, SqliteStatements.Delete, "$k"),
            _setMeta = SqliteConnections.Prepare(_connection, SqliteStatements.SetMeta, "$version", "$key_count", "$stored_bytes"),
            _deleteExpired = SqliteConnections.Prepare(_connection, SqliteStatements.DeleteExpired, "$now", "$limit"),
            _earliestExpiry = SqliteConnections.Prepare(_connection, SqliteStatements.EarliestExpiry),
            _recordDeletion = SqliteConnections.Prepare(_connection, SqliteStatements.RecordDeletion, "$k", "$version"),
            _pruneCutoff = SqliteConnections.Prepare(_connection, SqliteStatements.DeletionPruneCutoff, "$keep_bytes"),
            _pruneDeletions = SqliteConnections.Prepare(_connection, SqliteStatements.PruneDeletions, "$cutoff"),
            _forgetDeletions = SqliteConnections.Prepare(_connection, SqliteStatements.ForgetDeletionsUpTo, "$cutoff"),
        ];
    }

    public void Begin() => _begin.ExecuteNonQuery();

    public void Commit() => _commit.ExecuteNonQuery();

    /// <summary>Rolls back the open transaction, if SQLite has not already done so after an error.</summary>
    public void Rollback()
    {
        try
        {
            _rollback.ExecuteNonQuery();
        }
        catch (SqliteException e) when (e.SqliteErrorCode == NoTransactionErrorCode)
        {
            // "cannot rollback - no transaction is active": already rolled back.
        }
    }

    public void Savepoint() => _savepoint.ExecuteNonQuery();

    public void ReleaseSavepoint() => _release.ExecuteNonQuery();

    /// <summary>Undoes everything since <see cref="Savepoint"/> and ends the savepoint.</summary>
    public void RollbackToSavepoint()
    {
        _rollbackTo.ExecuteNonQuery();
        _release.ExecuteNonQuery();
    }

    /// <summary>The physical row of a key (expired or not), or null.</summary>
    public RowState? GetRowState(byte[] key)
    {
        _rowState.Parameters[0].Value = key;
        using var reader = _rowState.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new RowState(
            reader.GetInt64(0),
            (KvValueEncoding)reader.GetInt64(1),
            (ulong)reader.GetInt64(2),
            reader.IsDBNull(3) ? null : reader.GetInt64(3));
    }

    public byte[] GetRowValue(byte[] key)
    {
        _rowValue.Parameters[0].Value = key;
        using var reader = _rowValue.ExecuteReader();
        return reader.Read() ? reader.GetFieldValue<byte[]>(0) : [];
    }

    public void Upsert(byte[] key, byte[] value, KvValueEncoding encoding, ulong version, long? expiresAtMs)
    {
        var p = _upsert.Parameters;
        p[0].Value = key;
        p[1].Value = value;
        p[2].Value = (long)encoding;
        p[3].Value = (long)version;
        p[4].Value = expiresAtMs.HasValue ? expiresAtMs.Value : DBNull.Value;
        _upsert.ExecuteNonQuery();
    }

    public void Delete(byte[] key)
    {
        _delete.Parameters[0].Value = key;
        _delete.ExecuteNonQuery();
    }

    public void SetMeta(ulong version, KvStoreStats stats)
    {
        _setMeta.Parameters[0].Value = (long)version;
        _setMeta.Parameters[1].Value = stats.KeyCount;
        _setMeta.Parameters[2].Value = stats.StoredBytes;
        _setMeta.ExecuteNonQuery();
    }

    /// <summary>Deletes up to <paramref name="limit"/> rows expired at <paramref name="nowMs"/>; their keys and sizes.</summary>
    public List<(byte[] Key, long Size)> DeleteExpired(long nowMs, int limit)
    {
        _deleteExpired.Parameters[0].Value = nowMs;
        _deleteExpired.Parameters[1].Value = limit;
        var removed = new List<(byte[], long)>();
        using var reader = _deleteExpired.ExecuteReader();
        while (reader.Read())
        {
            removed.Add((reader.GetFieldValue<byte[]>(0), reader.GetInt64(1)));
        }

        return removed;
    }

    /// <summary>Remembers that <paramref name="key"/> was deleted by the commit <paramref name="version"/>.</summary>
    public void RecordDeletion(byte[] key, ulong version)
    {
        _recordDeletion.Parameters[0].Value = key;
        _recordDeletion.Parameters[1].Value = (long)version;
        _recordDeletion.ExecuteNonQuery();
    }

    /// <summary>The size of the remembered deletions (see <see cref="SqliteStatements.DeletionRowOverhead"/>).</summary>
    public long DeletionBytes() => SqliteConnections.Scalar(_connection, SqliteStatements.DeletionBytes);

    /// <summary>
    /// Forgets the oldest remembered deletions so that at most <paramref name="keepBytes"/> of the newest remain (the
    /// deletions of one commit go together) and raises the horizon to the newest forgotten version. Returns the size
    /// of what remains.
    /// </summary>
    public long PruneDeletions(long keepBytes)
    {
        _pruneCutoff.Parameters[0].Value = keepBytes;
        if (_pruneCutoff.ExecuteScalar() is long cutoff)
        {
            _pruneDeletions.Parameters[0].Value = cutoff;
            _pruneDeletions.ExecuteNonQuery();
            _forgetDeletions.Parameters[0].Value = cutoff;
            _forgetDeletions.ExecuteNonQuery();
        }

        return DeletionBytes();
    }

    /// <summary>The earliest expiry of any row, or <see cref="long.MaxValue"/> when none expires.</summary>
    public long EarliestExpiry() => _earliestExpiry.ExecuteScalar() is long ms ? ms : long.MaxValue;

    /// <summary>The version and stats of the meta row (read on open).</summary>
    public (ulong Version, KvStoreStats Stats) ReadMeta()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = SqliteStatements.GetMeta;
        using var reader = command.ExecuteReader();
        reader.Read();
        return ((ulong)reader.GetInt64(0), new KvStoreStats(reader.GetInt64(1), reader.GetInt64(2)));
    }

    /// <summary>Checkpoints from the writer itself, between transactions (see <see cref="SqliteConnections.CheckpointPassive"/>).</summary>
    public void CheckpointPassive() => SqliteConnections.CheckpointPassive(_connection);

    /// <summary>Copies the whole log into the database and empties it (on close, so the -wal file stays small).</summary>
    public void CheckpointTruncate() => SqliteConnections.Execute(_connection, SqliteStatements.CheckpointTruncate);

    public void Dispose()
    {
        foreach (var command in _all)
        {
            command.Dispose();
        }

        _connection.Dispose();
    }
}
