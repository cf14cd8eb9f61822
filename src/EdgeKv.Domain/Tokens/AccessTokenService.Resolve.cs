namespace EdgeKv.Domain.Tokens;

public sealed partial class AccessTokenService
{
    /// <summary>
    /// What <paramref name="secret"/> grants on the namespace whose engine store id is
    /// <paramref name="namespaceStoreId"/>, for a program about to <paramref name="use"/> it. Takes no
    /// <see cref="Authorization.Caller"/>: the secret is the credential, and the use is attributed to the token's owner.
    /// Never throws for a bad secret; answers with a denial, checked in this order: the token (unknown, revoked,
    /// expired, or its owner's account not open: <see cref="AccessTokenDenial.InvalidToken"/>), the namespace
    /// (<see cref="AccessTokenDenial.NamespaceNotFound"/>), the scope (<see cref="AccessTokenDenial.OutOfScope"/>).
    /// Writing needs a read-write token and an approved account; a suspended account's tokens read only. Answered from
    /// <see cref="AccessTokenDirectory"/> (no database read once the token and namespace are known); a granted use is
    /// counted in <see cref="AccessTokenUsage"/>, written later in a batch.
    /// </summary>
    public async Task<AccessTokenResolution> ResolveAsync(
        string? secret,
        string namespaceStoreId,
        AccessTokenUse use,
        CancellationToken cancellationToken = default) =>
        await ResolveCredentialAsync(await _directory.FindAsync(secret, cancellationToken), namespaceStoreId, use, cancellationToken);

    /// <summary>
    /// <see cref="ResolveAsync"/> for a token already found with
    /// <see cref="AccessTokenDirectory.FindAsync"/> (null when none was), so a request that authenticated its token
    /// does not look it up again.
    /// </summary>
    public async Task<AccessTokenResolution> ResolveCredentialAsync(
        AccessTokenCredential? credential,
        string namespaceStoreId,
        AccessTokenUse use,
        CancellationToken cancellationToken = default)
    {
        var now = Now;
        if (credential is null || !credential.IsActiveAt(now))
        {
            return AccessTokenResolution.Denied(AccessTokenDenial.InvalidToken, credential?.Id);
        }

        var target = await _directory.FindTargetAsync(namespaceStoreId, cancellationToken);
        if (target is null)
        {
            return AccessTokenResolution.Denied(AccessTokenDenial.NamespaceNotFound, credential.Id);
        }

        if (!credential.Covers(target))
        {
            return AccessTokenResolution.Denied(AccessTokenDenial.OutOfScope, credential.Id);
        }

        var canWrite = credential.CanWrite;
        _usage.Record(credential.Id, write: use == AccessTokenUse.Write && canWrite, now);
        return AccessTokenResolution.Granted(credential.Id, target.NamespaceId, target.StoreId, canWrite) with
        {
            OwnerUserId = credential.OwnerUserId,
            Lifetime = credential.Lifetime,
        };
    }
}
