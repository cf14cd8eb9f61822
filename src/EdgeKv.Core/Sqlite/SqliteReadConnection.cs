using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using Microsoft.Data.Sqlite;

namespace EdgeKv.Core.Sqlite;

/// <summary>
/// One read connection with its prepared statements. A single statement is its own snapshot; several statements
/// share one snapshot between <see cref="BeginSnapshot"/> and <see cref="EndSnapshot"/> (WAL snapshot isolation).
/// Used by one thread at a time (rented from <see cref="SqliteReadPool"/>).
/// </summary>
internal sealed class SqliteReadConnection : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _begin;
    private readonly SqliteCommand _commit;
    private readonly SqliteCommand _get;
    private readonly SqliteCommand _listAscending;
    private readonly SqliteCommand _listDescending;
    private readonly SqliteCommand _countRange;
    private readonly SqliteCommand _keyAtOffset;
    private readonly SqliteCommand _meta;
    private readonly SqliteCommand _deletionHorizon;
    private readonly SqliteCommand _deletions;

    public SqliteReadConnection(string path)
    {
        _connection = SqliteConnections.Open(path, SqliteStatements.ReaderPragmas);
        _begin = SqliteConnections.Prepare(_connection, SqliteStatements.BeginRead);
        _commit = SqliteConnections.Prepare(_connection, SqliteStatements.Commit);
        _get = SqliteConnections.Prepare(_connection, SqliteStatements.GetEntry, "$k", "$now");
        _listAscending = SqliteConnections.Prepare(_connection, SqliteStatements.ListAscending, "$start", "$end", "$now", "$limit");
        _listDescending = SqliteConnections.Prepare(_connection, SqliteStatements.ListDescending, "$start", "$end", "$now", "$limit");
        _countRange = SqliteConnections.Prepare(_connection, SqliteStatements.CountRange, "$start", "$end", "$now");
        _keyAtOffset = SqliteConnections.Prepare(_connection, SqliteStatements.KeyAtOffset, "$start", "$end", "$now", "$offset");
        _meta = SqliteConnections.Prepare(_connection, SqliteStatements.GetMeta);
        _deletionHorizon = SqliteConnections.Prepare(_connection, SqliteStatements.GetDeletionHorizon);
        _deletions = SqliteConnections.Prepare(
            _connection, SqliteStatements.ListDeletions, "$after_key", "$start", "$end", "$after", "$now", "$limit");
    }

    public void BeginSnapshot() => _begin.ExecuteNonQuery();

    public void EndSnapshot() => _commit.ExecuteNonQuery();

    public KvEntry Get(KvKey key, long nowMs)
    {
        _get.Parameters[0].Value = key.Encode();
        _get.Parameters[1].Value = nowMs;
        using var reader = _get.ExecuteReader();
        return reader.Read() ? SqliteRows.ReadEntry(reader, key, 0) : KvEntry.Missing(key);
    }

    /// <summary>Up to <paramref name="limit"/> live entries with keys in [start, end), in key order or reversed.</summary>
    public List<KvEntry> Range(byte[] start, byte[] end, bool reverse, int limit, long nowMs)
    {
        var command = reverse ? _listDescending : _listAscending;
        command.Parameters[0].Value = start;
        command.Parameters[1].Value = end;
        command.Parameters[2].Value = nowMs;
        command.Parameters[3].Value = limit;
        var entries = new List<KvEntry>(Math.Min(limit, 1024));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var key = KvKey.DecodeOwned(reader.GetFieldValue<byte[]>(0));
            entries.Add(SqliteRows.ReadEntry(reader, key, 1));
        }

        return entries;
    }

    /// <summary>Live keys in [start, end).</summary>
    public long Count(byte[] start, byte[] end, long nowMs)
    {
        _countRange.Parameters[0].Value = start;
        _countRange.Parameters[1].Value = end;
        _countRange.Parameters[2].Value = nowMs;
        return (long)_countRange.ExecuteScalar()!;
    }

    /// <summary>The encoded key of the live key at 0-based <paramref name="offset"/> in [start, end), or null past the end.</summary>
    public byte[]? KeyAt(byte[] start, byte[] end, long offset, long nowMs)
    {
        _keyAtOffset.Parameters[0].Value = start;
        _keyAtOffset.Parameters[1].Value = end;
        _keyAtOffset.Parameters[2].Value = nowMs;
        _keyAtOffset.Parameters[3].Value = offset;
        return _keyAtOffset.ExecuteScalar() as byte[];
    }

    public KvStoreStats ReadStats()
    {
        using var reader = _meta.ExecuteReader();
        reader.Read();
        return new KvStoreStats(reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>The version after which every deletion is remembered, and the last commit version.</summary>
    public (ulong KeptAfter, ulong Version) DeletionHorizon()
    {
        using var reader = _deletionHorizon.ExecuteReader();
        reader.Read();
        return ((ulong)reader.GetInt64(0), (ulong)reader.GetInt64(1));
    }

    /// <summary>
    /// Up to <paramref name="limit"/> remembered deletions of keys in [start, end) above <paramref name="afterKey"/>,
    /// deleted after <paramref name="afterVersion"/> and absent at <paramref name="nowMs"/>, in key order.
    /// </summary>
    public List<KvDeletion> Deletions(byte[] afterKey, byte[] start, byte[] end, ulong afterVersion, int limit, long nowMs)
    {
        var p = _deletions.Parameters;
        p[0].Value = afterKey;
        p[1].Value = start;
        p[2].Value = end;
        p[3].Value = (long)afterVersion;
        p[4].Value = nowMs;
        p[5].Value = limit;
        var deletions = new List<KvDeletion>();
        using var reader = _deletions.ExecuteReader();
        while (reader.Read())
        {
            var key = KvKey.DecodeOwned(reader.GetFieldValue<byte[]>(0));
            deletions.Add(new KvDeletion(key, Versionstamp.FromCommitVersion((ulong)reader.GetInt64(1))));
        }

        return deletions;
    }

    public void Dispose()
    {
        foreach (var command in new[] { _begin, _commit, _get, _listAscending, _listDescending, _countRange, _keyAtOffset, _meta, _deletionHorizon, _deletions })
        {
            command.Dispose();
        }

        _connection.Dispose();
    }
}
