using EdgeKv.Core.Store;

namespace EdgeKv.Api.Access;

/// <summary>
/// What a token may do with one namespace: read its <see cref="Store"/>, and write it when <see cref="CanWrite"/>.
/// <see cref="DatabaseId"/> is the UUID KV Connect clients see for the namespace; when null, one is derived from the
/// namespace id (stable across restarts).
/// </summary>
public sealed record KvAccessGrant(IKvStore Store, bool CanWrite)
{
    /// <summary>The namespace's KV Connect database id, or null to derive it from the namespace id.</summary>
    public Guid? DatabaseId { get; init; }

    /// <summary>The granting token's id (never its secret), for limits and logs; null when the resolver has none.</summary>
    public string? TokenId { get; init; }

    /// <summary>The account the token acts for, for per-account limits; null when the resolver has none.</summary>
    public string? AccountId { get; init; }

    /// <summary>
    /// Ends when the grant stops holding (the token is revoked or expires, its scope or its account changes): every
    /// stream opened on the grant (SSE, KV Connect and hub watches) ends with it.
    /// </summary>
    public CancellationToken Lifetime { get; init; }
}
