namespace EdgeKv.Domain.Audit;

/// <summary>The actions audit entries record. Stored as text: never rename one.</summary>
public static class AuditActions
{
    /// <summary>Every action above, in declaration order (read from the constants, so a new one is never missed).</summary>
    public static readonly IReadOnlyList<string> All = StringConstants.Of(typeof(AuditActions));

    /// <summary>A user applied for a KV account.</summary>
    public const string AccountApplied = "account.applied";

    /// <summary>An admin approved an application.</summary>
    public const string AccountApproved = "account.approved";

    /// <summary>An admin rejected an application.</summary>
    public const string AccountRejected = "account.rejected";

    /// <summary>An admin suspended an account.</summary>
    public const string AccountSuspended = "account.suspended";

    /// <summary>An admin reinstated a suspended account.</summary>
    public const string AccountReinstated = "account.reinstated";

    /// <summary>An admin changed an account's capacity or namespace limit.</summary>
    public const string AccountQuotaChanged = "account.quota_changed";

    /// <summary>An admin changed the number of places for approved accounts.</summary>
    public const string PlacesChanged = "platform.places_changed";

    /// <summary>A namespace was created.</summary>
    public const string NamespaceCreated = "namespace.created";

    /// <summary>A namespace was renamed.</summary>
    public const string NamespaceRenamed = "namespace.renamed";

    /// <summary>A namespace and its data were deleted.</summary>
    public const string NamespaceDeleted = "namespace.deleted";

    /// <summary>A project was created.</summary>
    public const string ProjectCreated = "project.created";

    /// <summary>A project was renamed.</summary>
    public const string ProjectRenamed = "project.renamed";

    /// <summary>A project was deleted.</summary>
    public const string ProjectDeleted = "project.deleted";

    /// <summary>A project's functions were deployed, from the console or through an access token (the note says which deployment, its files and bytes).</summary>
    public const string DeploymentCreated = "deployment.created";

    /// <summary>An earlier deployment of a project's functions was made active again (a rollback).</summary>
    public const string DeploymentActivated = "deployment.activated";

    /// <summary>A namespace was bound to a project.</summary>
    public const string BindingCreated = "binding.created";

    /// <summary>A binding was removed.</summary>
    public const string BindingDeleted = "binding.deleted";

    /// <summary>A project's environment variable was added or changed (the note is its name, never its value).</summary>
    public const string VariableSet = "variable.set";

    /// <summary>A project's environment variable was deleted (the note is its name).</summary>
    public const string VariableDeleted = "variable.deleted";

    /// <summary>Records were deleted in bulk.</summary>
    public const string RecordsBulkDeleted = "records.bulk_deleted";

    /// <summary>An access token was created.</summary>
    public const string TokenCreated = "token.created";

    /// <summary>An access token was revoked (by its owner or an admin).</summary>
    public const string TokenRevoked = "token.revoked";

    /// <summary>
    /// A program used an access token to write. No longer recorded (the audit log keeps what people do; programs' uses
    /// are counted by <see cref="Tokens.AccessTokenUsage"/>); kept so entries written before still read as sentences.
    /// </summary>
    public const string TokenWrite = "token.write";

    /// <summary>A program used an access token to read (sampled). No longer recorded, as <see cref="TokenWrite"/>.</summary>
    public const string TokenRead = "token.read";
}
