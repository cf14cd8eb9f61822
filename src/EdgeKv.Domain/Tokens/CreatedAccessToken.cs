namespace EdgeKv.Domain.Tokens;

/// <summary>
/// A token just created, with its <see cref="Secret"/>: the only time the secret exists outside the program that
/// uses it. Show it once and let it go; it cannot be recovered, only revoked and replaced.
/// </summary>
/// <param name="Token">The token as lists show it.</param>
/// <param name="Secret">The secret programs send as their bearer token.</param>
public sealed record CreatedAccessToken(AccessTokenView Token, string Secret)
{
    /// <summary>Keeps the secret out of logs that print the record.</summary>
    public override string ToString() => $"CreatedAccessToken {{ Token = {Token}, Secret = {AccessTokenSecret.PrefixOf(Secret)}… }}";
}
