namespace EdgeKv.Domain.Tokens;

/// <summary>What a program is about to do with a token, so the use is recorded as it should be.</summary>
public enum AccessTokenUse
{
    /// <summary>Reads, lists, watches or the connection handshake: audited once per token per hour.</summary>
    Read,

    /// <summary>A write (or a request that may write): audited every time the token can write.</summary>
    Write,
}
