using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Core.Values;
using Microsoft.Data.Sqlite;

namespace EdgeKv.Core.Sqlite;

/// <summary>Turning rows into entries, and values and times into column values.</summary>
internal static class SqliteRows
{
    /// <summary>Reads an entry from a row whose columns start at <paramref name="first"/>: v, encoding, version, expires_at.</summary>
    public static KvEntry ReadEntry(SqliteDataReader reader, KvKey key, int first)
    {
        var data = reader.GetFieldValue<byte[]>(first);
        var encoding = (KvValueEncoding)reader.GetInt64(first + 1);
        var version = (ulong)reader.GetInt64(first + 2);
        DateTimeOffset? expiresAt = reader.IsDBNull(first + 3)
            ? null
            : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(first + 3));
        return new KvEntry(key, KvValue.FromStorage(encoding, data), Versionstamp.FromCommitVersion(version), expiresAt);
    }

    /// <summary>The value's bytes as an array SQLite can bind, without copying when it already is a whole array.</summary>
    public static byte[] ToArray(ReadOnlyMemory<byte> data) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(data, out var segment)
        && segment.Array is not null && segment.Offset == 0 && segment.Count == segment.Array.Length
            ? segment.Array
            : data.ToArray();

    /// <summary>Milliseconds since the Unix epoch, the unit of <c>expires_at</c>.</summary>
    public static long NowMs(TimeProvider clock) => clock.GetUtcNow().ToUnixTimeMilliseconds();
}
