namespace EdgeKv.Api.Http.Contracts;

/// <summary>A namespace of the token owner's account.</summary>
/// <param name="Id">The engine store id: the <c>{namespaceId}</c> of the other routes (and of KV Connect).</param>
/// <param name="Name">The name people see.</param>
/// <param name="KeyCount">Live keys.</param>
/// <param name="Bytes">Bytes of keys and values (what capacity is charged in).</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
internal sealed record NamespaceResponse(string Id, string Name, long KeyCount, long Bytes, DateTime CreatedAt);

/// <summary>The body of a namespace create or rename.</summary>
/// <param name="Name">The (new) name: 1 to 64 letters, digits, '-' and '_'.</param>
internal sealed record NamespaceNameRequest(string? Name);
