using EdgeKv.Core.Store;

namespace EdgeKv.Core.Sqlite;

public sealed partial class SqliteKvStore
{
    /// <inheritdoc />
    /// <remarks>
    /// The same path as <see cref="CommitAsync"/>: one request for the single writer, one transaction, one fsync.
    /// Only the mutation count is allowed higher; the 32 MiB total still bounds what one transaction holds.
    /// </remarks>
    public Task<KvCommitResult> CommitBulkAsync(KvAtomicWrite write, CancellationToken cancellationToken = default)
    {
        var (checkKeys, mutationKeys) = ValidateBulk(write);
        cancellationToken.ThrowIfCancellationRequested();
        var request = new CommitRequest(write, checkKeys, mutationKeys);
        Enqueue(request);
        return request.Completion.Task;
    }

    /// <summary>
    /// Validates a bulk write with the rules of <see cref="KvValidation.AtomicWrite"/>, applied to slices of at most
    /// <see cref="KvLimits.MaxMutations"/> mutations (so each rule and message lives in one place), then checks the
    /// total size over the whole write.
    /// </summary>
    private static (byte[][] CheckKeys, byte[][] MutationKeys) ValidateBulk(KvAtomicWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (write.Mutations.Count > KvBulkLimits.MaxMutations)
        {
            throw new KvException(KvErrorCode.TooManyBulkMutations);
        }

        var checkKeys = KvValidation.AtomicWrite(new KvAtomicWrite(write.Checks, [])).CheckKeys;
        long total = checkKeys.Sum(k => (long)k.Length);
        var mutationKeys = new List<byte[]>(write.Mutations.Count);
        for (var start = 0; start < write.Mutations.Count; start += KvLimits.MaxMutations)
        {
            var slice = write.Mutations.Skip(start).Take(KvLimits.MaxMutations).ToArray();
            var keys = KvValidation.AtomicWrite(new KvAtomicWrite([], slice)).MutationKeys;
            for (var i = 0; i < slice.Length; i++)
            {
                var suffix = slice[i].Kind == KvMutationKind.SetSuffixVersionstampedKey ? KvValidation.VersionstampSuffixBytes : 0;
                total += keys[i].Length + suffix + (slice[i].Value?.Data.Length ?? 0);
            }

            mutationKeys.AddRange(keys);
        }

        return total > KvLimits.MaxTotalMutationBytes
            ? throw new KvException(KvErrorCode.TotalMutationSizeTooLarge)
            : (checkKeys, mutationKeys.ToArray());
    }
}
