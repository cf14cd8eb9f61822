using EdgeKv.Core.Keys;
using EdgeKv.Core.Values;

namespace EdgeKv.Core.Store;

/// <summary>
/// The limits every backend enforces before touching storage, so a rejected request has changed nothing. Each
/// failure is a <see cref="KvException"/> with its one message of <see cref="KvErrors"/>.
/// </summary>
internal static class KvValidation
{
    /// <summary>
    /// Bytes the versionstamp part adds to a key: a string part of 20 hex characters (type code, 20 bytes, end byte),
    /// as Deno appends it.
    /// </summary>
    public const int VersionstampSuffixBytes = 22;

    /// <summary>The encoded key of a read, checked against <see cref="KvLimits.MaxReadKeyBytes"/>.</summary>
    public static byte[] ReadKey(KvKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var encoded = key.Encode();
        return encoded.Length > KvLimits.MaxReadKeyBytes ? throw new KvException(KvErrorCode.KeyTooLargeForRead) : encoded;
    }

    /// <summary>The encoded key of a write: not empty, within <see cref="KvLimits.MaxWriteKeyBytes"/> (with room for a suffix).</summary>
    public static byte[] WriteKey(KvKey key, int suffixBytes = 0)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Count == 0)
        {
            throw new KvException(KvErrorCode.EmptyKey);
        }

        var encoded = key.Encode();
        return encoded.Length + suffixBytes > KvLimits.MaxWriteKeyBytes
            ? throw new KvException(KvErrorCode.KeyTooLargeForWrite)
            : encoded;
    }

    public static void Value(KvValue? value, string parameterName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(parameterName, "A set needs a value.");
        }

        if (value.Data.Length > KvLimits.MaxValueBytes)
        {
            throw new KvException(KvErrorCode.ValueTooLarge);
        }
    }

    public static void ExpireIn(TimeSpan? expireIn)
    {
        if (expireIn is { } span && span <= TimeSpan.Zero)
        {
            throw new KvException(KvErrorCode.InvalidExpireIn);
        }
    }

    /// <summary>Checks a whole atomic write; returns the encoded keys of its checks and mutations (encoded once).</summary>
    public static (byte[][] CheckKeys, byte[][] MutationKeys) AtomicWrite(KvAtomicWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (write.Checks.Count > KvLimits.MaxChecks)
        {
            throw new KvException(KvErrorCode.TooManyChecks);
        }

        if (write.Mutations.Count > KvLimits.MaxMutations)
        {
            throw new KvException(KvErrorCode.TooManyMutations);
        }

        long total = 0;
        var checkKeys = new byte[write.Checks.Count][];
        for (var i = 0; i < checkKeys.Length; i++)
        {
            checkKeys[i] = ReadKey(write.Checks[i].Key);
            total += checkKeys[i].Length;
        }

        var mutationKeys = new byte[write.Mutations.Count][];
        for (var i = 0; i < mutationKeys.Length; i++)
        {
            var mutation = write.Mutations[i];
            var suffix = mutation.Kind == KvMutationKind.SetSuffixVersionstampedKey ? VersionstampSuffixBytes : 0;
            mutationKeys[i] = WriteKey(mutation.Key, suffix);
            total += mutationKeys[i].Length + suffix + Mutation(mutation);
        }

        return total > KvLimits.MaxTotalMutationBytes
            ? throw new KvException(KvErrorCode.TotalMutationSizeTooLarge)
            : (checkKeys, mutationKeys);
    }

    /// <summary>Checks one mutation's operand; returns its value's size.</summary>
    private static long Mutation(KvMutation mutation)
    {
        switch (mutation.Kind)
        {
            case KvMutationKind.Set:
            case KvMutationKind.SetSuffixVersionstampedKey:
                Value(mutation.Value, nameof(mutation));
                ExpireIn(mutation.ExpireIn);
                return mutation.Value!.Data.Length;
            case KvMutationKind.Delete:
                return 0;
            case KvMutationKind.Sum:
            case KvMutationKind.Min:
            case KvMutationKind.Max:
                if (mutation.Value is not { Encoding: KvValueEncoding.U64 } operand || operand.Data.Length != 8)
                {
                    throw new KvException(KvOperandErrors.NotU64(mutation.Kind, mutation.Value));
                }

                return 8;
            default:
                throw new ArgumentOutOfRangeException(nameof(mutation), mutation.Kind, "Unknown mutation kind.");
        }
    }
}
