namespace EdgeKv.Api.Access;

/// <summary>The answer of <see cref="IKvAccessResolver"/>: a <see cref="Grant"/>, or a <see cref="Denial"/>.</summary>
public sealed record KvAccessResult
{
    private KvAccessResult(KvAccessGrant? grant, KvAccessDenial denial)
    {
        Grant = grant;
        Denial = denial;
    }

    /// <summary>The access granted; null when denied.</summary>
    public KvAccessGrant? Grant { get; }

    /// <summary>Why access was denied; <see cref="KvAccessDenial.None"/> when granted.</summary>
    public KvAccessDenial Denial { get; }

    /// <summary>Access granted.</summary>
    public static KvAccessResult Allow(KvAccessGrant grant) => new(grant ?? throw new ArgumentNullException(nameof(grant)), KvAccessDenial.None);

    /// <summary>Access denied for <paramref name="denial"/>.</summary>
    public static KvAccessResult Deny(KvAccessDenial denial) =>
        denial == KvAccessDenial.None ? throw new ArgumentOutOfRangeException(nameof(denial)) : new(null, denial);
}
