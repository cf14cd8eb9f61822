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

    /// <summary>
    /// Validates a bulk write with the rules of <see cref="AtomicWrite"/>, applied to slices of at most
    /// <see cref="KvLimits.MaxMutations"/> mutations (so each rule and message lives in one place), then checks the
    /// total size over the whole write.
    /// </summary>
    public static (byte[][] CheckKeys, byte[][] MutationKeys) BulkWrite(KvAtomicWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (write.Mutations.Count > KvBulkLimits.MaxMutations)
        {
            throw new KvException(KvErrorCode.TooManyBulkMutations);
        }

        var checkKeys = AtomicWrite(new KvAtomicWrite(write.Checks, [])).CheckKeys;
        long total = checkKeys.Sum(k => (long)k.Length);
        var mutationKeys = new List<byte[]>(write.Mutations.Count);
        for (var start = 0; start < write.Mutations.Count; start += KvLimits.MaxMutations)
        {
            var slice = write.Mutations.Skip(start).Take(KvLimits.MaxMutations).ToArray();
            var keys = AtomicWrite(new KvAtomicWrite([], slice)).MutationKeys;
            for (var i = 0; i < slice.Length; i++)
            {
                var suffix = slice[i].Kind == KvMutationKind.SetSuffixVersionstampedKey ? VersionstampSuffixBytes : 0;
                total += keys[i].Length + suffix + (slice[i].Value?.Data.Length ?? 0);
            }

            mutationKeys.AddRange(keys);
        }

        return total > KvLimits.MaxTotalMutationBytes
            ? throw new KvException(KvErrorCode.TotalMutationSizeTooLarge)
            : (checkKeys, mutationKeys.ToArray());
    }

    /// <summary>Checks the keys of a read or watch: at most <paramref name="max"/> (else <paramref name="tooMany"/>), each a valid read key.</summary>
    public static void ReadKeys(IReadOnlyList<KvKey> keys, int max, KvErrorCode tooMany)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count > max)
        {
            throw new KvException(tooMany);
        }

        foreach (var key in keys)
        {
            KvValidation.ReadKey(key);
        }
    }

    /// <summary>Checks the raw ranges of a snapshot read against Deno's read limits.</summary>
    public static void RawRanges(IReadOnlyList<KvRawRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        if (ranges.Count > KvLimits.MaxReadRanges)
        {
            throw new KvException(KvErrorCode.TooManyRanges);
        }

        foreach (var range in ranges)
        {
            if (range.Start.Length > KvLimits.MaxReadKeyBytes || range.End.Length > KvLimits.MaxReadKeyBytes)
            {
                throw new KvException(KvErrorCode.KeyTooLargeForRead);
            }

            if (range.Limit < 1)
            {
                throw new KvException(KvErrorCode.InvalidLimit);
            }

            if (range.Limit > KvLimits.MaxListBatchSize)
            {
                throw new KvException(KvErrorCode.InvalidBatchSize);
            }
        }
    }

    /// <summary>Checks a budget group's name: not empty or blank.</summary>
    public static void BudgetGroup(string budgetGroup) => ArgumentException.ThrowIfNullOrWhiteSpace(budgetGroup);

    /// <summary>Checks a budget group's byte limit: none, or not negative.</summary>
    public static void BudgetLimit(long? limitBytes)
    {
        if (limitBytes is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limitBytes), limitBytes, "A byte limit cannot be negative.");
        }
    }

    /// <summary>The longest namespace id, in ASCII characters.</summary>
    public const int MaxNamespaceIdLength = 64;

    /// <summary>Checks a namespace id: 1 to 64 of [A-Za-z0-9_-] (so it is safe in a file name, a URL and a log).</summary>
    public static void NamespaceId(string namespaceId)
    {
        if (!IsValidNamespaceId(namespaceId))
        {
            throw new KvException(KvErrorCode.InvalidNamespaceId);
        }
    }

    /// <summary>True for a valid namespace id (see <see cref="NamespaceId"/>).</summary>
    public static bool IsValidNamespaceId(string? id) =>
        id is { Length: > 0 and <= MaxNamespaceIdLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
