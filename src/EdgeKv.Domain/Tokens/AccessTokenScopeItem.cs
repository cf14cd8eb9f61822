namespace EdgeKv.Domain.Tokens;

/// <summary>One namespace in a token's scope, as lists show it.</summary>
/// <param name="NamespaceId">The namespace's id.</param>
/// <param name="Name">Its name.</param>
public sealed record AccessTokenScopeItem(int NamespaceId, string Name);
