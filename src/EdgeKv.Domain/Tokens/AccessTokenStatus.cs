namespace EdgeKv.Domain.Tokens;

/// <summary>Where an access token stands; only an active token grants anything.</summary>
public enum AccessTokenStatus
{
    /// <summary>Neither revoked nor expired.</summary>
    Active,

    /// <summary>Past its expiry.</summary>
    Expired,

    /// <summary>Revoked by its owner or an admin (revocation wins over expiry).</summary>
    Revoked,
}
