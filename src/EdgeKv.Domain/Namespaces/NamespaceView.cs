namespace EdgeKv.Domain.Namespaces;

/// <summary>A namespace as the console lists it, with figures from the engine.</summary>
/// <param name="Id">Database id (the console's routes use it).</param>
/// <param name="AccountId">The owning account.</param>
/// <param name="OwnerUserId">The owning user.</param>
/// <param name="Name">The name people see.</param>
/// <param name="StoreId">The engine namespace id.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
/// <param name="KeyCount">Live keys, from the engine.</param>
/// <param name="StoredBytes">Bytes of keys and values, from the engine (what capacity is charged in).</param>
/// <param name="BindingCount">Projects it is bound to.</param>
public sealed record NamespaceView(
    int Id,
    int AccountId,
    string OwnerUserId,
    string Name,
    string StoreId,
    DateTime CreatedAt,
    long KeyCount,
    long StoredBytes,
    int BindingCount);
