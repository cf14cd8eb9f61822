namespace EdgeKv.Api.Access;

/// <summary>
/// Decides what a bearer token may do with a namespace. The domain implements it (hashed, scoped, revocable tokens);
/// the APIs call it on every request, so a revoked token stops working at once. Implementations must not throw for
/// bad tokens: they answer with a denial.
/// </summary>
public interface IKvAccessResolver
{
    /// <summary>The access <paramref name="bearerToken"/> grants to <paramref name="namespaceId"/>, or why it grants none.</summary>
    Task<KvAccessResult> ResolveAsync(string bearerToken, string namespaceId, CancellationToken cancellationToken);
}
