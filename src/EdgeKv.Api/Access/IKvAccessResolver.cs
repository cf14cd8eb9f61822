namespace EdgeKv.Api.Access;

/// <summary>
/// Decides what a bearer token may do. The domain implements it (hashed, scoped, revocable tokens answered from memory:
/// <see cref="DomainKvAccessResolver"/>). The APIs never call it directly: the access-token authentication scheme asks
/// <see cref="AuthenticateAsync"/> on every request, and the access policies ask the rest (see
/// <see cref="KvAccessPolicies"/>), so one rule holds for the HTTP API, KV Connect, the SSE watch and the hub.
/// Implementations must not throw for bad tokens: they answer with null or a denial.
/// </summary>
public interface IKvAccessResolver
{
    /// <summary>The credential of <paramref name="bearerToken"/>, or null for an unknown, expired or revoked token.</summary>
    Task<KvCredential?> AuthenticateAsync(string bearerToken, CancellationToken cancellationToken);

    /// <summary>
    /// The access <paramref name="credential"/> grants to <paramref name="namespaceId"/> for a request that is about to
    /// <paramref name="intent"/>, or why it grants none. The grant is the same for either intent; the intent decides
    /// how the use is counted.
    /// </summary>
    Task<KvAccessResult> ResolveAsync(KvCredential credential, string namespaceId, KvAccessIntent intent, CancellationToken cancellationToken);

    /// <summary>
    /// The caller <paramref name="credential"/> acts as for account-level operations (list, create, rename, delete
    /// namespaces). Resolvers without accounts refuse them all.
    /// </summary>
    Task<KvAccountAccessResult> ResolveAccountAsync(KvCredential credential, KvAccessIntent intent, CancellationToken cancellationToken) =>
        Task.FromResult(KvAccountAccessResult.Deny(KvAccessDenial.AccountScopeRequired));

    /// <summary>Counts <paramref name="bytes"/> of values a write made with <paramref name="grant"/> stored (usage).</summary>
    void CountBytesWritten(KvAccessGrant grant, long bytes)
    {
    }

    /// <summary>Counts <paramref name="bytes"/> of values a read made with <paramref name="grant"/> returned (usage; see <see cref="KvReadCounter"/>).</summary>
    void CountBytesRead(KvAccessGrant grant, long bytes)
    {
    }
}
