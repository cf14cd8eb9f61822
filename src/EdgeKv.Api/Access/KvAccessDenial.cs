namespace EdgeKv.Api.Access;

/// <summary>Why a token was refused; each maps to the HTTP status a KV Connect client turns into an error.</summary>
public enum KvAccessDenial
{
    /// <summary>Not refused.</summary>
    None,

    /// <summary>Missing, unknown, expired or revoked token: 401.</summary>
    InvalidToken,

    /// <summary>A valid token that is not scoped to this namespace: 403.</summary>
    OtherNamespace,

    /// <summary>The namespace does not exist: 404.</summary>
    NamespaceNotFound,
}
