using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Core.Values;

namespace EdgeKv.Core.BackendKit;

/// <summary>
/// <see cref="IKvStore.SetAsync"/> and <see cref="IKvStore.DeleteAsync"/> as every backend serves them: an atomic
/// commit of one mutation and no check, through the store's own <see cref="IKvStore.CommitAsync"/> (so validation,
/// limits and messages are the commit's), answering the commit's versionstamp.
/// </summary>
internal static class KvSingleMutation
{
    public static async Task<Versionstamp> SetAsync(IKvStore store, KvKey key, KvValue value, TimeSpan? expireIn, CancellationToken cancellationToken)
    {
        var result = await store.CommitAsync(new KvAtomicWrite([], [new KvMutation(KvMutationKind.Set, key, value, expireIn)]), cancellationToken)
            .ConfigureAwait(false);
        return result.Versionstamp!.Value;
    }

    public static async Task<Versionstamp> DeleteAsync(IKvStore store, KvKey key, CancellationToken cancellationToken)
    {
        var result = await store.CommitAsync(new KvAtomicWrite([], [new KvMutation(KvMutationKind.Delete, key)]), cancellationToken)
            .ConfigureAwait(false);
        return result.Versionstamp!.Value;
    }
}
