namespace EdgeKv.Domain.Tokens;

/// <summary>What an access token may do in the namespaces of its scope. The numbers are stored.</summary>
public enum AccessTokenPermission
{
    /// <summary>Read records and watch them; every write is refused.</summary>
    ReadOnly = 1,

    /// <summary>Read and write records (writes are also refused while the owner's account is suspended).</summary>
    ReadWrite = 2,
}
