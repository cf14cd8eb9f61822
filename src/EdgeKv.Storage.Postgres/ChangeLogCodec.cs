using System.Buffers.Binary;
using EdgeKv.Core;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;

namespace EdgeKv.Storage.Postgres;

/// <summary>
/// A commit group's changes as one <c>bytea</c> of the change log: per change its version (8 bytes) and key count
/// (4 bytes), then each encoded key preceded by its length (4 bytes), all big-endian. One row per group rather than
/// per commit: the log costs one insert per transaction, not one per commit (measured: bench/README.md).
/// </summary>
internal static class ChangeLogCodec
{
    public static byte[] Encode(IReadOnlyList<KvChange> changes)
    {
        var size = 0;
        foreach (var change in changes)
        {
            size += 12;
            foreach (var key in change.Keys)
            {
                size += 4 + key.Encode().Length;
            }
        }

        var buffer = new byte[size];
        var offset = 0;
        foreach (var change in changes)
        {
            BinaryPrimitives.WriteUInt64BigEndian(buffer.AsSpan(offset), change.Versionstamp.CommitVersion);
            BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(offset + 8), change.Keys.Count);
            offset += 12;
            foreach (var key in change.Keys)
            {
                var encoded = key.Encode();
                BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(offset), encoded.Length);
                encoded.CopyTo(buffer.AsSpan(offset + 4));
                offset += 4 + encoded.Length;
            }
        }

        return buffer;
    }

    /// <summary>The changes of one logged group, in version order.</summary>
    public static IEnumerable<KvChange> Decode(byte[] data)
    {
        var offset = 0;
        while (offset < data.Length)
        {
            var version = BinaryPrimitives.ReadUInt64BigEndian(data.AsSpan(offset));
            var count = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(offset + 8));
            offset += 12;
            var keys = new KvKey[count];
            for (var i = 0; i < count; i++)
            {
                var length = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(offset));
                keys[i] = KvKey.DecodeOwned(data.AsSpan(offset + 4, length).ToArray());
                offset += 4 + length;
            }

            yield return new KvChange(Versionstamp.FromCommitVersion(version), keys);
        }
    }
}
