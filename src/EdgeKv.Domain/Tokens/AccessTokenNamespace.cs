namespace EdgeKv.Domain.Tokens;

/// <summary>
/// One namespace in the scope of an <see cref="AccessToken"/>. The row goes when either side is deleted: deleting a
/// namespace takes it out of every scope, and a token whose last namespace went grants nothing.
/// </summary>
public class AccessTokenNamespace
{
    /// <summary>The token.</summary>
    public int AccessTokenId { get; set; }

    /// <summary>The namespace (one of the token owner's).</summary>
    public int NamespaceId { get; set; }
}
