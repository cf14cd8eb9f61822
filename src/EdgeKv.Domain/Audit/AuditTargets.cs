namespace EdgeKv.Domain.Audit;

/// <summary>The kinds of target an audit entry names. Stored as text: never rename one.</summary>
public static class AuditTargets
{
    /// <summary>A KV account (target id: the account id).</summary>
    public const string Account = "account";

    /// <summary>The platform settings (target id: "platform").</summary>
    public const string Platform = "platform";

    /// <summary>A namespace (target id: the namespace id).</summary>
    public const string Namespace = "namespace";

    /// <summary>A project (target id: the project id).</summary>
    public const string Project = "project";

    /// <summary>A binding (target id: the binding id).</summary>
    public const string Binding = "binding";

    /// <summary>An access token (target id: the token id).</summary>
    public const string AccessToken = "access_token";
}
