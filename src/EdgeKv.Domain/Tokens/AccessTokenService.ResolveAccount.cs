using EdgeKv.Domain.Authorization;

namespace EdgeKv.Domain.Tokens;

public sealed partial class AccessTokenService
{
    /// <summary>
    /// The <see cref="Caller"/> <paramref name="secret"/> acts as for account-level operations (listing, creating,
    /// renaming and deleting namespaces): its owner, never as an admin. Only a token over all namespaces of its owner's
    /// account qualifies (<see cref="AccessTokenDenial.NamespaceScoped"/> otherwise). Unknown, revoked or expired
    /// tokens, and tokens whose owner's account is neither approved nor suspended, are
    /// <see cref="AccessTokenDenial.InvalidToken"/>. <see cref="AccessTokenAccountResolution.CanWrite"/> is the token's
    /// permission; the services the caller is passed to still apply the account's rules (a suspended account changes
    /// nothing). A granted use is counted as <see cref="ResolveAsync"/> counts namespace uses.
    /// </summary>
    public async Task<AccessTokenAccountResolution> ResolveAccountAsync(
        string? secret,
        AccessTokenUse use,
        CancellationToken cancellationToken = default) =>
        ResolveAccount(await _directory.FindAsync(secret, cancellationToken), use);

    /// <summary>
    /// <see cref="ResolveAccountAsync"/> for a token already found with <see cref="AccessTokenDirectory.FindAsync"/>
    /// (null when none was), so a request that authenticated its token does not look it up again.
    /// </summary>
    public AccessTokenAccountResolution ResolveAccount(AccessTokenCredential? credential, AccessTokenUse use)
    {
        var now = Now;
        if (credential is null || !credential.IsActiveAt(now))
        {
            return AccessTokenAccountResolution.Denied(AccessTokenDenial.InvalidToken, credential?.Id);
        }

        if (!credential.AllNamespaces)
        {
            return AccessTokenAccountResolution.Denied(AccessTokenDenial.NamespaceScoped, credential.Id);
        }

        var canWrite = credential.Permission == AccessTokenPermission.ReadWrite;
        _usage.Record(credential.Id, write: use == AccessTokenUse.Write && canWrite, now);
        return AccessTokenAccountResolution.Granted(credential.Id, new Caller(credential.OwnerUserId, IsAdmin: false), canWrite);
    }
}
