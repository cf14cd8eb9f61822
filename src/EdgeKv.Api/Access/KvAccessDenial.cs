namespace EdgeKv.Api.Access;

/// <summary>Why a resolver refused a token; <see cref="KvRefusal.Of"/> gives each its status and message.</summary>
public enum KvAccessDenial
{
    /// <summary>Not refused.</summary>
    None,

    /// <summary>Unknown, expired or revoked token: 401.</summary>
    InvalidToken,

    /// <summary>A valid token that is not scoped to this namespace: 403.</summary>
    OtherNamespace,

    /// <summary>The namespace does not exist: 404.</summary>
    NamespaceNotFound,

    /// <summary>A token scoped to chosen namespaces, used for an account-level operation: 403.</summary>
    AccountScopeRequired,
}
