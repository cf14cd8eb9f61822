namespace EdgeKv.Domain.Audit;

/// <summary>What an audit entry's object is called, and whether it still exists (a deleted one cannot be opened).</summary>
/// <param name="Name">Its current name, or for a deleted object the name it had when it was deleted.</param>
/// <param name="Exists">False when the object was deleted.</param>
public sealed record AuditSubject(string Name, bool Exists);
