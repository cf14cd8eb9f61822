using System.Globalization;
using EdgeKv.Core;
using EdgeKv.Core.Registry;
using EdgeKv.Domain.Storage;
using EdgeKv.Domain.Tokens;

namespace EdgeKv.Api.Access;

/// <summary>
/// The real <see cref="IKvAccessResolver"/>: asks the domain's <see cref="AccessTokenService"/> (answered from the
/// in-memory <see cref="AccessTokenDirectory"/>) what the token grants, so programs go through the same account rules
/// as the console, and opens the namespace's store from the registry. Scoped: one per request, as the domain service is.
/// </summary>
public sealed class DomainKvAccessResolver : IKvAccessResolver
{
    private readonly AccessTokenService _tokens;
    private readonly AccessTokenDirectory _directory;
    private readonly IKvStoreRegistry _registry;
    private readonly TimeProvider _time;
    private readonly AccessTokenUsage _usage;

    // The token this request authenticated, so authorizing it does not hash and look the secret up again. Dropped
    // once its lifetime ends (the token changed meanwhile): then it is looked up anew.
    private (string Secret, AccessTokenCredential Credential)? _authenticated;

    /// <summary>Made by dependency injection.</summary>
    public DomainKvAccessResolver(
        AccessTokenService tokens, AccessTokenDirectory directory, IKvStoreRegistry registry, TimeProvider time, AccessTokenUsage usage)
    {
        _tokens = tokens;
        _directory = directory;
        _registry = registry;
        _time = time;
        _usage = usage;
    }

    /// <inheritdoc />
    public void CountBytesWritten(KvAccessGrant grant, long bytes)
    {
        if (TokenIdOf(grant) is { } tokenId)
        {
            _usage.RecordBytesWritten(tokenId, bytes);
        }
    }

    /// <inheritdoc />
    public void CountBytesRead(KvAccessGrant grant, long bytes)
    {
        if (TokenIdOf(grant) is { } tokenId)
        {
            _usage.RecordBytesRead(tokenId, bytes);
        }
    }

    /// <inheritdoc />
    public async Task<KvCredential?> AuthenticateAsync(string bearerToken, CancellationToken cancellationToken)
    {
        var credential = await _directory.FindAsync(bearerToken, cancellationToken);
        _authenticated = credential is null ? null : (bearerToken, credential);
        return credential is not null && credential.IsActiveAt(_time.GetUtcNow().UtcDateTime)
            ? new KvCredential(bearerToken, credential.Id.ToString(CultureInfo.InvariantCulture), credential.OwnerUserId, credential.Lifetime)
            : null;
    }

    /// <inheritdoc />
    public async Task<KvAccessResult> ResolveAsync(KvCredential credential, string namespaceId, KvAccessIntent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var use = intent == KvAccessIntent.Read ? AccessTokenUse.Read : AccessTokenUse.Write;
        var resolution = await _tokens.ResolveCredentialAsync(await FindAsync(credential, cancellationToken), namespaceId, use, cancellationToken);
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
                TokenId = credential.TokenId,
                AccountId = resolution.OwnerUserId,
                Lifetime = resolution.Lifetime,
            });
        }
        catch (KvException e) when (!StorageUnavailability.IsUnavailable(e) && !_registry.Exists(storeId))
        {
            // Deleted between the domain's answer and the engine's (or its deletion was interrupted): it is gone.
            return KvAccessResult.Deny(KvAccessDenial.NamespaceNotFound);
        }
    }

    /// <inheritdoc />
    public async Task<KvAccountAccessResult> ResolveAccountAsync(KvCredential credential, KvAccessIntent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var use = intent == KvAccessIntent.Read ? AccessTokenUse.Read : AccessTokenUse.Write;
        var resolution = _tokens.ResolveAccount(await FindAsync(credential, cancellationToken), use);
        return resolution.Denial switch
        {
            AccessTokenDenial.None => KvAccountAccessResult.Allow(resolution.Caller!, resolution.CanWrite),
            AccessTokenDenial.NamespaceScoped => KvAccountAccessResult.Deny(KvAccessDenial.AccountScopeRequired),
            _ => KvAccountAccessResult.Deny(KvAccessDenial.InvalidToken),
        };
    }

    private static int? TokenIdOf(KvAccessGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return int.TryParse(grant.TokenId, NumberStyles.None, CultureInfo.InvariantCulture, out var tokenId) ? tokenId : null;
    }

    private ValueTask<AccessTokenCredential?> FindAsync(KvCredential credential, CancellationToken cancellationToken) =>
        _authenticated is { } known && known.Secret == credential.Token && !known.Credential.Lifetime.IsCancellationRequested
            ? ValueTask.FromResult<AccessTokenCredential?>(known.Credential)
            : _directory.FindAsync(credential.Token, cancellationToken);
}
