namespace EdgeKv.Core.Values;

/// <summary>How a stored value's bytes are to be read. Stored beside the bytes; the numbers are on disk, never reuse one.</summary>
public enum KvValueEncoding
{
    /// <summary>Opaque bytes (EdgeOne <c>arrayBuffer</c>/stream puts, Deno <c>Uint8Array</c>).</summary>
    Bytes = 1,

    /// <summary>UTF-8 text (EdgeOne string puts).</summary>
    Text = 2,

    /// <summary>UTF-8 JSON text (the console's JSON records, the HTTP API's JSON puts).</summary>
    Json = 3,

    /// <summary>An unsigned 64-bit integer, 8 bytes little-endian (Deno's <c>KvU64</c>); the only kind sum/min/max accept.</summary>
    U64 = 4,

    /// <summary>V8-serialized bytes written by Deno clients; stored and returned untouched.</summary>
    V8 = 5,
}
