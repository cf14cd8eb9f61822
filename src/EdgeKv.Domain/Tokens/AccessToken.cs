namespace EdgeKv.Domain.Tokens;

/// <summary>
/// A personal access token with which a program (a Deno client, a script, an edge function) reaches namespaces of its
/// owner's account without signing in. The secret is shown once, at creation; only its SHA-256 hash and a short
/// prefix (for people to recognise it, and to find it) are kept. A token grants <see cref="Permission"/> on the
/// namespaces of its scope: the ones chosen (rows of <see cref="AccessTokenNamespace"/>), or, with
/// <see cref="AllNamespaces"/>, every namespace the owner's account holds now or later. It stops working when revoked
/// or expired; it grants only reads while the owner's account is suspended.
/// </summary>
public class AccessToken
{
    /// <summary>Most characters of a token name.</summary>
    public const int MaxNameLength = 64;

    /// <summary>Most tokens a user may hold that are neither revoked nor expired.</summary>
    public const int MaxLiveTokensPerUser = 100;

    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The user the token acts for (its uses are attributed to them).</summary>
    public string OwnerUserId { get; set; } = "";

    /// <summary>What the owner calls it (1..64 characters), e.g. "deploy from CI".</summary>
    public string Name { get; set; } = "";

    /// <summary>The first characters of the secret (<see cref="AccessTokenSecret.PrefixLength"/>): not secret, shown in lists and used to find the token.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>SHA-256 of the secret (see <see cref="AccessTokenSecret.Hash"/>); the secret itself is never stored.</summary>
    public byte[] SecretHash { get; set; } = [];

    /// <summary>What the token may do in its namespaces.</summary>
    public AccessTokenPermission Permission { get; set; } = AccessTokenPermission.ReadOnly;

    /// <summary>True when the token covers every namespace of the owner's account, including ones created later.</summary>
    public bool AllNamespaces { get; set; }

    /// <summary>When it stops working (UTC); null for never.</summary>
    public DateTime? ExpiresAt { get; set; }

    /// <summary>When it was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When a program last used it (UTC), written in batches (<see cref="AccessTokenUsageWriter"/>), so a few seconds late; null when never used.</summary>
    public DateTime? LastUsedAt { get; set; }

    /// <summary>Requests that read through it since it was created (written in batches, like <see cref="LastUsedAt"/>).</summary>
    public long ReadCount { get; set; }

    /// <summary>Requests that wrote through it since it was created (written in batches).</summary>
    public long WriteCount { get; set; }

    /// <summary>Bytes of values written through it since it was created (written in batches).</summary>
    public long BytesWritten { get; set; }

    /// <summary>
    /// Bytes of values read through it since it was created (written in batches): the values returned to its caller,
    /// measured as bytes written are (see <see cref="AccessTokenUsage.RecordBytesRead"/>).
    /// </summary>
    public long BytesRead { get; set; }

    /// <summary>When it was revoked (UTC); null while not revoked.</summary>
    public DateTime? RevokedAt { get; set; }

    /// <summary>The user who revoked it (the owner or an admin).</summary>
    public string? RevokedBy { get; set; }

    /// <summary>Where the token stands at <paramref name="now"/>.</summary>
    public AccessTokenStatus StatusAt(DateTime now) =>
        RevokedAt is not null ? AccessTokenStatus.Revoked
        : ExpiresAt is { } expiresAt && expiresAt <= now ? AccessTokenStatus.Expired
        : AccessTokenStatus.Active;
}
