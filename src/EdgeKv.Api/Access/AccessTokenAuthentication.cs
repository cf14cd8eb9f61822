namespace EdgeKv.Api.Access;

/// <summary>Names of the access-token authentication scheme (<see cref="AccessTokenAuthenticationHandler"/>).</summary>
public static class AccessTokenAuthentication
{
    /// <summary>The scheme programs authenticate with; the access policies name it, so a console cookie never counts.</summary>
    public const string Scheme = "EdgeKvAccessToken";

    /// <summary>The claim holding the token's id (never its secret).</summary>
    public const string TokenIdClaim = "edgekv:token";
}
