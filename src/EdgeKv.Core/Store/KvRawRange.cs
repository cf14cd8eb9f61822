namespace EdgeKv.Core.Store;

/// <summary>
/// A range of encoded keys for <see cref="IKvRawRangeReader"/>: keys whose encoding k has
/// <see cref="Start"/> &lt;= k &lt; <see cref="End"/> (bytewise), at most <see cref="Limit"/> of them, in descending
/// order when <see cref="Reverse"/>. The bounds are raw bytes and need not be valid keys (KV Connect clients send
/// <c>prefix + 0x00</c> .. <c>prefix + 0xFF</c>); each is at most <see cref="KvLimits.MaxReadKeyBytes"/> long.
/// </summary>
public sealed record KvRawRange(ReadOnlyMemory<byte> Start, ReadOnlyMemory<byte> End, int Limit, bool Reverse = false);
