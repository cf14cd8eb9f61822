namespace EdgeKv.Api.Access;

/// <summary>
/// An access token that <see cref="IKvAccessResolver.AuthenticateAsync"/> accepted: who is calling, before what they
/// may do with which namespace is decided. Lives for one request (or one hub call); the secret is kept so the resolver
/// can answer the namespace question without another lookup key.
/// </summary>
/// <param name="Token">The presented secret.</param>
/// <param name="TokenId">The token's id (never its secret), for limits and logs; null when the resolver has none.</param>
/// <param name="AccountId">The account the token acts for, for per-account limits; null when the resolver has none.</param>
/// <param name="Lifetime">Ends when the token stops being what was accepted (revoked, expired, its scope or account changed).</param>
public sealed record KvCredential(string Token, string? TokenId, string? AccountId, CancellationToken Lifetime);
