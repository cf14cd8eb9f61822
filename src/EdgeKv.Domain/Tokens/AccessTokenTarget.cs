namespace EdgeKv.Domain.Tokens;

/// <summary>A namespace as token checks need it: its ids and the user whose account holds it.</summary>
/// <param name="NamespaceId">The namespace's id in the admin database.</param>
/// <param name="StoreId">The engine store id programs address it by.</param>
/// <param name="OwnerUserId">The user whose account holds it.</param>
public sealed record AccessTokenTarget(int NamespaceId, string StoreId, string OwnerUserId);
