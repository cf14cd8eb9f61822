namespace EdgeKv.Web.Components.Pages.Admin.Audit;

/// <summary>What a piece of an audit sentence is.</summary>
public enum AuditSentencePartKind
{
    /// <summary>The sentence's own words.</summary>
    Words,

    /// <summary>Who acted.</summary>
    Actor,

    /// <summary>An object or a value the entry names.</summary>
    Subject,
}
