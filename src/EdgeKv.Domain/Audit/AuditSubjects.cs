namespace EdgeKv.Domain.Audit;

/// <summary>
/// The people and objects a page of audit entries names, so the log can read as sentences with links: e-mails by user
/// id; namespaces, projects and access tokens by id (deleted namespaces and projects keep the name they had); bindings
/// by id while they exist.
/// </summary>
/// <param name="Emails">E-mails by user id (actors and owners).</param>
/// <param name="Namespaces">Namespaces by id.</param>
/// <param name="Projects">Projects by id.</param>
/// <param name="Tokens">Access tokens by id.</param>
/// <param name="Bindings">Bindings that still exist, by id.</param>
/// <param name="AdminUserIds">The users among them who are admins (the log names them by their role).</param>
public sealed record AuditSubjects(
    IReadOnlyDictionary<string, string> Emails,
    IReadOnlyDictionary<int, AuditSubject> Namespaces,
    IReadOnlyDictionary<int, AuditSubject> Projects,
    IReadOnlyDictionary<int, AuditSubject> Tokens,
    IReadOnlyDictionary<int, AuditBindingSubject> Bindings,
    IReadOnlySet<string> AdminUserIds)
{
    /// <summary>Nothing known (a page without entries).</summary>
    public static readonly AuditSubjects None = new(
        new Dictionary<string, string>(), new Dictionary<int, AuditSubject>(), new Dictionary<int, AuditSubject>(),
        new Dictionary<int, AuditSubject>(), new Dictionary<int, AuditBindingSubject>(), new HashSet<string>());
}
