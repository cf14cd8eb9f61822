using System.Collections.Concurrent;

namespace EdgeKv.Core.Sqlite;

/// <summary>
/// Read connections kept open for reuse: opening a connection and preparing its statements costs far more than a
/// point read, so each read rents one and gives it back. Past <c>capacity</c> idle connections, returned ones are
/// closed. Thread-safe.
/// </summary>
internal sealed class SqliteReadPool : IDisposable
{
    private readonly ConcurrentQueue<SqliteReadConnection> _idle = new();
    private readonly string _path;
    private readonly int _capacity;
    private int _idleCount;
    private volatile bool _disposed;

    public SqliteReadPool(string path, int capacity)
    {
        _path = path;
        _capacity = Math.Max(1, capacity);
    }

    public SqliteReadConnection Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryDequeue(out var connection))
        {
            Interlocked.Decrement(ref _idleCount);
            return connection;
        }

        return new SqliteReadConnection(_path);
    }

    public void Return(SqliteReadConnection connection)
    {
        if (_disposed || Interlocked.Increment(ref _idleCount) > _capacity)
        {
            if (!_disposed)
            {
                Interlocked.Decrement(ref _idleCount);
            }

            connection.Dispose();
            return;
        }

        _idle.Enqueue(connection);
        if (_disposed && _idle.TryDequeue(out var late))
        {
            late.Dispose();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryDequeue(out var connection))
        {
            connection.Dispose();
        }
    }
}
