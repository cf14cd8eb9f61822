using System.Buffers.Binary;
using EdgeKv.Core.Keys;

namespace EdgeKv.Storage.Postgres;

/// <summary>
/// A commit's changed keys as one <c>bytea</c> of the change log: each encoded key preceded by its length (4 bytes,
/// big-endian). One value per commit, because PostgreSQL arrays cannot hold arrays of different lengths.
/// </summary>
internal static class ChangeKeysCodec
{
    public static byte[] Encode(IReadOnlyList<KvKey> keys)
    {
        var size = 0;
        foreach (var key in keys)
        {
            size += 4 + key.Encode().Length;
        }

        var buffer = new byte[size];
        var offset = 0;
        foreach (var key in keys)
        {
            var encoded = key.Encode();
            BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(offset), encoded.Length);
            encoded.CopyTo(buffer.AsSpan(offset + 4));
            offset += 4 + encoded.Length;
        }

        return buffer;
    }

    public static IReadOnlyList<KvKey> Decode(byte[] data)
    {
        var keys = new List<KvKey>();
        var offset = 0;
        while (offset < data.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(offset));
            keys.Add(KvKey.DecodeOwned(data.AsSpan(offset + 4, length).ToArray()));
            offset += 4 + length;
        }

        return keys;
    }
}
