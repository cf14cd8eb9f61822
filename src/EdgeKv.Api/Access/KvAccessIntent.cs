namespace EdgeKv.Api.Access;

/// <summary>
/// What a request is about to do with a namespace, so the resolver can record the use as it should (a write is
/// attributable every time; reads may be sampled). It does not change what is granted.
/// </summary>
public enum KvAccessIntent
{
    /// <summary>Reads, lists, watches, or a connection handshake.</summary>
    Read,

    /// <summary>A request that writes (or may write).</summary>
    Write,
}
