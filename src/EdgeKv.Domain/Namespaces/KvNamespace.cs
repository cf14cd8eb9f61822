namespace EdgeKv.Domain.Namespaces;

/// <summary>
/// A namespace: an isolated database of records inside a KV account, stored by the engine under
/// <see cref="StoreId"/> (which never changes, so renaming is free).
/// </summary>
public class KvNamespace
{
    /// <summary>Most characters of a namespace name.</summary>
    public const int MaxNameLength = 64;

    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The owning account.</summary>
    public int AccountId { get; set; }

    /// <summary>The name people see: 1..64 letters, digits, '-' or '_'; unique in the account (ignoring case).</summary>
    public string Name { get; set; } = "";

    /// <summary>The engine namespace id (<c>ns</c> + a GUID without dashes).</summary>
    public string StoreId { get; set; } = "";

    /// <summary>When the namespace was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>A fresh engine namespace id.</summary>
    public static string NewStoreId() => "ns" + Guid.NewGuid().ToString("N");
}
