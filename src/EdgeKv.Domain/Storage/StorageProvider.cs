namespace EdgeKv.Domain.Storage;

/// <summary>Where a node keeps its data (<c>EdgeKv:Storage:Provider</c>, <c>EdgeKv:Storage:Engine</c>).</summary>
public enum StorageProvider
{
    /// <summary>Files beside one process: the embedded default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server that several nodes share.</summary>
    Postgres,
}
