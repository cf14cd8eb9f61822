using EdgeKv.Core;
using EdgeKv.Core.Registry;
using EdgeKv.Domain.Tokens;

namespace EdgeKv.Api.Access;

/// <summary>
/// The real <see cref="IKvAccessResolver"/>: asks the domain's <see cref="AccessTokenService"/> what the token grants
/// on the namespace whose engine store id the API was given (so programs go through the same authorization, audit
/// and account rules as the console), and opens that store from the registry. Unknown, revoked or expired tokens are
/// <see cref="KvAccessDenial.InvalidToken"/> (401), a namespace outside the token's scope
/// <see cref="KvAccessDenial.OtherNamespace"/> (403), an unknown namespace <see cref="KvAccessDenial.NamespaceNotFound"/>
/// (404). Scoped: one per request, as the domain service is.
/// </summary>
public sealed class DomainKvAccessResolver : IKvAccessResolver
{
    private readonly AccessTokenService _tokens;
    private readonly IKvStoreRegistry _registry;

    /// <summary>Made by dependency injection.</summary>
    public DomainKvAccessResolver(AccessTokenService tokens, IKvStoreRegistry registry)
    {
        _tokens = tokens;
        _registry = registry;
    }

    /// <inheritdoc />
    public async Task<KvAccessResult> ResolveAsync(string bearerToken, string namespaceId, KvAccessIntent intent, CancellationToken cancellationToken)
    {
        var use = intent == KvAccessIntent.Read ? AccessTokenUse.Read : AccessTokenUse.Write;
        var resolution = await _tokens.ResolveAsync(bearerToken, namespaceId, use, cancellationToken);
        switch (resolution.Denial)
        {
            case AccessTokenDenial.None:
                break;
            case AccessTokenDenial.OutOfScope:
                return KvAccessResult.Deny(KvAccessDenial.OtherNamespace);
            case AccessTokenDenial.NamespaceNotFound:
                return KvAccessResult.Deny(KvAccessDenial.NamespaceNotFound);
            default:
                return KvAccessResult.Deny(KvAccessDenial.InvalidToken);
        }

        var storeId = resolution.StoreId!;
        try
        {
            return KvAccessResult.Allow(new KvAccessGrant(await _registry.OpenAsync(storeId, cancellationToken), resolution.CanWrite)
            {
                TokenId = resolution.AccessTokenId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                AccountId = resolution.OwnerUserId,
            });
        }
        catch (KvException) when (!_registry.Exists(storeId))
        {
            // Deleted between the domain's answer and the engine's (or its deletion was interrupted): it is gone.
            return KvAccessResult.Deny(KvAccessDenial.NamespaceNotFound);
        }
    }
}
