using System.Buffers.Binary;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Values;

namespace EdgeKv.Core.Store;

/// <summary>
/// One mutation of an atomic operation. <see cref="Value"/> is null only for <see cref="KvMutationKind.Delete"/>;
/// sum/min/max take a KvU64 operand. <see cref="ExpireIn"/> applies to sets only.
/// </summary>
public sealed record KvMutation(KvMutationKind Kind, KvKey Key, KvValue? Value = null, TimeSpan? ExpireIn = null)
{
    /// <summary>
    /// The key a <see cref="KvMutationKind.SetSuffixVersionstampedKey"/> writes in the commit of
    /// <paramref name="commitVersion"/>: as Deno, <see cref="Key"/> with the versionstamp appended as a string part of
    /// its 20 hex characters (<see cref="KvValidation.VersionstampSuffixBytes"/> more bytes encoded).
    /// </summary>
    internal KvKey WithVersionstampSuffix(ulong commitVersion) =>
        new([.. Key, KvKeyPart.FromString(Versionstamp.FromCommitVersion(commitVersion).ToString())]);

    /// <summary>When a set's value expires, in Unix milliseconds from <paramref name="nowMs"/> (rounded up); null when never.</summary>
    public long? ExpiresAtMs(long nowMs) =>
        ExpireIn is { } expireIn ? nowMs + (long)Math.Ceiling(expireIn.TotalMilliseconds) : null;

    /// <summary>
    /// The value a sum (wrapping modulo 2^64), min or max leaves, given the key's live stored value as a KvU64's eight
    /// bytes (<paramref name="storedU64"/>: empty when the stored value is not a KvU64). Every backend applies this one
    /// rule; each decides for itself whether a live value is stored (when none is, the operand is stored as it is).
    /// Throws the kind's <see cref="KvErrorCode"/> when the stored value is not a KvU64.
    /// </summary>
    public ulong CombineWithStored(ReadOnlySpan<byte> storedU64)
    {
        if (storedU64.Length != 8)
        {
            throw new KvException(Kind switch
            {
                KvMutationKind.Sum => KvErrorCode.SumOnNonU64,
                KvMutationKind.Min => KvErrorCode.MinOnNonU64,
                _ => KvErrorCode.MaxOnNonU64,
            });
        }

        var current = BinaryPrimitives.ReadUInt64LittleEndian(storedU64);
        var operand = Value!.AsU64();
        return Kind switch
        {
            KvMutationKind.Sum => unchecked(current + operand),
            KvMutationKind.Min => Math.Min(current, operand),
            _ => Math.Max(current, operand),
        };
    }
}
