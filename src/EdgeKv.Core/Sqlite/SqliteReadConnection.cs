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
    private readonly SqliteCommand _meta;

    public SqliteReadConnection(string path)
    {
        _connection = SqliteConnections.Open(path, SqliteStatements.ReaderPragmas);
        _begin = SqliteConnections.Prepare(_connection, SqliteStatements.BeginRead);
        _commit = SqliteConnections.Prepare(_connection, SqliteStatements.Commit);
        _get = SqliteConnections.Prepare(_connection, SqliteStatements.GetEntry, "$k", "$now");
        _listAscending = SqliteConnections.Prepare(_connection, SqliteStatements.ListAscending, "$start", "$end", "$now", "$limit");
        _listDescending = SqliteConnections.Prepare(_connection, SqliteStatements.ListDescending, "$start", "$end", "$now", "$limit");
        _meta = SqliteConnections.Prepare(_connection, SqliteStatements.GetMeta);
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

    public KvStoreStats ReadStats()
    {
        using var reader = _meta.ExecuteReader();
        reader.Read();
        return new KvStoreStats(reader.GetInt64(1), reader.GetInt64(2));
    }

    public void Dispose()
    {
        foreach (var command in new[] { _begin, _commit, _get, _listAscending, _listDescending, _meta })
        {
            command.Dispose();
        }

        _connection.Dispose();
    }
}
