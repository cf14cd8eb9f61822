namespace EdgeKv.Api.Access;

/// <summary>
/// Decides what a bearer token may do with a namespace. The domain implements it (hashed, scoped, revocable tokens:
/// <see cref="DomainKvAccessResolver"/>); the APIs call it on every request, so a revoked token stops working at once.
/// Implementations must not throw for bad tokens: they answer with a denial.
/// </summary>
public interface IKvAccessResolver
{
    /// <summary>
    /// The access <paramref name="bearerToken"/> grants to <paramref name="namespaceId"/> for a request that is about
    /// to <paramref name="intent"/>, or why it grants none. The grant is the same for either intent; the intent decides
    /// how the use is recorded.
    /// </summary>
    Task<KvAccessResult> ResolveAsync(string bearerToken, string namespaceId, KvAccessIntent intent, CancellationToken cancellationToken);

    /// <summary>
    /// The access for a request that does not say what it will do: treated as one that may write, so its use is never
    /// recorded as less than it was. Callers that know should pass a <see cref="KvAccessIntent"/>.
    /// </summary>
    Task<KvAccessResult> ResolveAsync(string bearerToken, string namespaceId, CancellationToken cancellationToken) =>
        ResolveAsync(bearerToken, namespaceId, KvAccessIntent.Write, cancellationToken);
}
