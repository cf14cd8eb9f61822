using EdgeKv.Domain.Authorization;

namespace EdgeKv.Api.Access;

/// <summary>
/// The answer of <see cref="IKvAccessResolver.ResolveAccountAsync"/>: the <see cref="Caller"/> a token acts as for
/// account-level operations, or a <see cref="Denial"/>.
/// </summary>
public sealed record KvAccountAccessResult
{
    private KvAccountAccessResult(Caller? caller, bool canWrite, KvAccessDenial denial)
    {
        Caller = caller;
        CanWrite = canWrite;
        Denial = denial;
    }

    /// <summary>The token's owner, never as an admin; null when denied.</summary>
    public Caller? Caller { get; }

    /// <summary>Whether the token may change the account's namespaces.</summary>
    public bool CanWrite { get; }

    /// <summary>Why access was denied; <see cref="KvAccessDenial.None"/> when granted.</summary>
    public KvAccessDenial Denial { get; }

    /// <summary>Access granted, acting as <paramref name="caller"/>.</summary>
    public static KvAccountAccessResult Allow(Caller caller, bool canWrite) =>
        new(caller ?? throw new ArgumentNullException(nameof(caller)), canWrite, KvAccessDenial.None);

    /// <summary>Access denied for <paramref name="denial"/>.</summary>
    public static KvAccountAccessResult Deny(KvAccessDenial denial) =>
        denial == KvAccessDenial.None ? throw new ArgumentOutOfRangeException(nameof(denial)) : new(null, false, denial);
}
