using System.Globalization;
using System.Text.RegularExpressions;
using EdgeKv.Domain.Audit;
using EdgeKv.Web.Services;
using Microsoft.Extensions.Localization;

namespace EdgeKv.Web.Components.Pages.Admin.Audit;

/// <summary>
/// Turns an audit entry into a sentence in the console's language ("alice@example.com 创建了命名空间 orders"), its
/// objects linked while they exist. Each action has a resource <c>Audit.Sentence.{action}</c> whose placeholders are:
/// {0} who acted, {1} the object, {2} and {3} what the action adds (an old name, a count, a token). The details the
/// domain keeps as an English note (a rename, a quota change) are read back from it and put in the sentence.
/// </summary>
public static partial class AuditSentences
{
    /// <summary>The actions whose entry keeps a reason a person wrote (the rest keep a note the sentence already says).</summary>
    private static readonly HashSet<string> ActionsWithReasons =
    [
        AuditActions.AccountApplied, AuditActions.AccountApproved, AuditActions.AccountRejected,
        AuditActions.AccountSuspended, AuditActions.AccountReinstated,
    ];

    /// <summary>The resource key of an action's sentence.</summary>
    public static string KeyOf(string action) => "Audit.Sentence." + action;

    /// <summary>The reason a person gave, for the reason column; null when the entry keeps only a note.</summary>
    public static string? ReasonOf(AuditEntry entry) => ActionsWithReasons.Contains(entry.Action) ? entry.Reason : null;

    /// <summary>The sentence for <paramref name="entry"/>, in pieces.</summary>
    public static IReadOnlyList<AuditSentencePart> Compose(IStringLocalizer l, AuditEntry entry, AuditSubjects subjects)
    {
        var actor = Actor(l, entry.ActorUserId, subjects);
        var (key, arguments) = Arguments(l, entry, subjects);
        var format = l[key];
        if (format.ResourceNotFound)
        {
            // An action newer than this console: say who did what, by the action's short name if it has one.
            var name = l["Audit." + entry.Action];
            return [actor, new AuditSentencePart(" " + (name.ResourceNotFound ? entry.Action : name.Value), AuditSentencePartKind.Words)];
        }

        return Fill(format.Value, [actor, .. arguments]);
    }

    private static (string Key, AuditSentencePart[] Arguments) Arguments(IStringLocalizer l, AuditEntry entry, AuditSubjects subjects)
    {
        var key = KeyOf(entry.Action);
        var id = int.TryParse(entry.TargetId, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var note = entry.Reason ?? "";
        switch (entry.Action)
        {
            case AuditActions.AccountQuotaChanged when QuotaNote().Match(note) is { Success: true } quota:
                return (key, [Owner(entry, subjects), Value(Change(Bytes(quota.Groups[1].Value), Bytes(quota.Groups[2].Value))), Value(Change(quota.Groups[3].Value, quota.Groups[4].Value))]);
            case AuditActions.AccountQuotaChanged:
                return (key, [Owner(entry, subjects), Value("—"), Value("—")]);
            case AuditActions.PlacesChanged when PlacesNote().Match(note) is { Success: true } places:
                return (key, [Value(""), Value(Places(l, places.Groups[1].Value)), Value(Places(l, places.Groups[2].Value))]);
            case AuditActions.PlacesChanged:
                return (key, [Value(""), Value("—"), Value("—")]);
            case AuditActions.NamespaceCreated or AuditActions.NamespaceDeleted:
                return (key, [Namespace(l, id, subjects, note)]);
            case AuditActions.NamespaceRenamed when RenameNote().Match(note) is { Success: true } rename:
                return (key, [Namespace(l, id, subjects, rename.Groups[2].Value), Value(rename.Groups[1].Value)]);
            case AuditActions.NamespaceRenamed:
                return (key, [Namespace(l, id, subjects, null), Value("—")]);
            case AuditActions.ProjectCreated or AuditActions.ProjectDeleted:
                return (key, [Project(l, id, subjects, note)]);
            case AuditActions.ProjectRenamed when RenameNote().Match(note) is { Success: true } rename:
                return (key, [Project(l, id, subjects, rename.Groups[2].Value), Value(rename.Groups[1].Value)]);
            case AuditActions.ProjectRenamed:
                return (key, [Project(l, id, subjects, null), Value("—")]);
            case AuditActions.DeploymentCreated when DeployedNote().Match(note) is { Success: true } deployed:
                AuditSentencePart[] figures = [Project(l, id, subjects, null), Value(deployed.Groups[1].Value), Value(deployed.Groups[2].Value), Value(Bytes(deployed.Groups[3].Value))];
                // A program's deployment names the token it came through.
                return entry.AccessTokenId is { } deployToken ? ("Audit.Sentence.deployment.created.token", [.. figures, Token(l, deployToken, subjects)]) : (key, figures);
            case AuditActions.DeploymentCreated:
                return (key, [Project(l, id, subjects, null), Value("—"), Value("—"), Value("—")]);
            case AuditActions.DeploymentActivated:
                return (key, [Project(l, id, subjects, null), Value(DeploymentNote().Match(note) is { Success: true } deployment ? deployment.Groups[1].Value : "—")]);
            case AuditActions.BindingCreated when subjects.Bindings.TryGetValue(id, out var binding):
                return (key, [Namespace(l, binding.NamespaceId, subjects, binding.NamespaceName), Project(l, binding.ProjectId, subjects, binding.ProjectName), Value(binding.VariableName)]);
            case AuditActions.BindingCreated when BindingNote().Match(note) is { Success: true } bound:
                return (key, [Value(bound.Groups[1].Value), Value(bound.Groups[2].Value), Value(bound.Groups[3].Value)]);
            case AuditActions.BindingCreated:
                return (key, [Value("—"), Value("—"), Value("—")]);
            case AuditActions.BindingDeleted:
                return (key, [Value(note)]);
            case AuditActions.VariableSet or AuditActions.VariableDeleted:
                return (key, [Project(l, id, subjects, null), Value(note)]);
            case AuditActions.RecordsBulkDeleted:
                return (key, [Namespace(l, id, subjects, null), Value(CountNote().Match(note) is { Success: true } count ? count.Groups[1].Value : "—")]);
            case AuditActions.TokenCreated or AuditActions.TokenRevoked:
                return (key, [Token(l, id, subjects)]);
            case AuditActions.TokenWrite or AuditActions.TokenRead:
                var token = Token(l, entry.AccessTokenId ?? 0, subjects);
                // An account-level use (listing namespaces) has no namespace to name.
                return entry.TargetType == AuditTargets.Account
                    ? (entry.Action == AuditActions.TokenWrite ? "Audit.Sentence.token.write.account" : "Audit.Sentence.token.read.account", [Value(""), token])
                    : (key, [Namespace(l, id, subjects, null), token]);
            default:
                return (key, [Owner(entry, subjects)]);
        }
    }

    private static AuditSentencePart Actor(IStringLocalizer l, string userId, AuditSubjects subjects)
    {
        var email = subjects.Emails.GetValueOrDefault(userId) ?? userId;
        return subjects.AdminUserIds.Contains(userId)
            ? new AuditSentencePart(l["Audit.Admin"], AuditSentencePartKind.Actor, Title: email)
            : new AuditSentencePart(email, AuditSentencePartKind.Actor);
    }

    // An account is named by its owner's e-mail and opens the accounts page searched for it.
    private static AuditSentencePart Owner(AuditEntry entry, AuditSubjects subjects) =>
        entry.OwnerUserId is { } owner && subjects.Emails.TryGetValue(owner, out var email)
            ? new AuditSentencePart(email, AuditSentencePartKind.Subject, "/admin/accounts?email=" + Uri.EscapeDataString(email))
            : Value(entry.OwnerUserId ?? "—");

    private static AuditSentencePart Namespace(IStringLocalizer l, int id, AuditSubjects subjects, string? recordedName) =>
        Linked(l, id, subjects.Namespaces, recordedName, $"/kv/{id}");

    private static AuditSentencePart Project(IStringLocalizer l, int id, AuditSubjects subjects, string? recordedName) =>
        Linked(l, id, subjects.Projects, recordedName, $"/projects/{id}");

    private static AuditSentencePart Token(IStringLocalizer l, int id, AuditSubjects subjects) =>
        Linked(l, id, subjects.Tokens, null, "/admin/tokens");

    // The name the entry recorded reads as history ("创建了命名空间 orders" even after a rename); the link goes to the
    // object as it is now, and a deleted object reads as plain text.
    private static AuditSentencePart Linked(IStringLocalizer l, int id, IReadOnlyDictionary<int, AuditSubject> known, string? recordedName, string href)
    {
        var subject = known.GetValueOrDefault(id);
        var name = !string.IsNullOrEmpty(recordedName) ? recordedName : subject?.Name ?? l["Audit.Unknown", id].Value;
        return new AuditSentencePart(name, AuditSentencePartKind.Subject, subject is { Exists: true } ? href : null);
    }

    private static AuditSentencePart Value(string text) => new(text, AuditSentencePartKind.Subject);

    private static string Change(string from, string to) => $"{from} → {to}";

    private static string Bytes(string bytes) =>
        long.TryParse(bytes, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? DisplayFormat.Bytes(value) : bytes;

    private static string Places(IStringLocalizer l, string places) => places == "unlimited" ? l["Audit.Unlimited"] : places;

    private static List<AuditSentencePart> Fill(string format, AuditSentencePart[] arguments)
    {
        var parts = new List<AuditSentencePart>();
        var at = 0;
        foreach (Match placeholder in Placeholder().Matches(format))
        {
            if (placeholder.Index > at)
            {
                parts.Add(new AuditSentencePart(format[at..placeholder.Index], AuditSentencePartKind.Words));
            }

            var index = int.Parse(placeholder.Groups[1].Value, CultureInfo.InvariantCulture);
            if (index < arguments.Length)
            {
                parts.Add(arguments[index]);
            }

            at = placeholder.Index + placeholder.Length;
        }

        if (at < format.Length)
        {
            parts.Add(new AuditSentencePart(format[at..], AuditSentencePartKind.Words));
        }

        return parts;
    }

    [GeneratedRegex(@"\{(\d)\}")]
    private static partial Regex Placeholder();

    // The notes the domain writes (AccountApplicationService, NamespaceService, ProjectService, BindingService, RecordService, DeploymentService).
    [GeneratedRegex(@"^capacity (\d+) → (\d+) bytes; namespaces (\d+) → (\d+)$")]
    private static partial Regex QuotaNote();

    [GeneratedRegex(@"^places (\d+|unlimited) → (\d+|unlimited)$")]
    private static partial Regex PlacesNote();

    [GeneratedRegex(@"^(.*) → (.*)$")]
    private static partial Regex RenameNote();

    [GeneratedRegex(@"^(.*) → (.*) as (.*)$")]
    private static partial Regex BindingNote();

    [GeneratedRegex(@"^deployment (\d+)$")]
    private static partial Regex DeploymentNote();

    [GeneratedRegex(@"^deployment (\d+): (\d+) files, (\d+) bytes$")]
    private static partial Regex DeployedNote();

    [GeneratedRegex(@"^(\d+) records$")]
    private static partial Regex CountNote();
}
