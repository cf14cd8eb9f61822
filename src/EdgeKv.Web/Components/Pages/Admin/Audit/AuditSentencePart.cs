namespace EdgeKv.Web.Components.Pages.Admin.Audit;

/// <summary>One piece of an audit sentence: plain words, who acted, or an object (a link while it exists).</summary>
/// <param name="Text">What is shown.</param>
/// <param name="Kind">How it is shown.</param>
/// <param name="Href">Where an object links to; null for words, people and objects that no longer exist.</param>
/// <param name="Title">A tooltip (the admin's e-mail behind "管理员").</param>
public sealed record AuditSentencePart(string Text, AuditSentencePartKind Kind, string? Href = null, string? Title = null);
