namespace EdgeKv.Api.Http;

/// <summary>The HTTP API's own headers.</summary>
public static class KvHttpHeaders
{
    /// <summary>
    /// A key's metadata as JSON: sent on <c>PUT .../values/{key}</c> (ASCII; escape other characters as <c>\u</c>,
    /// at most <see cref="KvHttpLimits.MaxMetadataBytes"/>), returned on <c>GET</c> when the value has metadata.
    /// </summary>
    public const string Metadata = "X-EdgeKv-Metadata";

    /// <summary>How a returned value is stored: <c>text</c>, <c>json</c>, <c>bytes</c>, <c>u64</c> or <c>v8</c>.</summary>
    public const string Encoding = "X-EdgeKv-Encoding";

    /// <summary>When a returned value expires, in Unix seconds (absent when it does not).</summary>
    public const string Expiration = "X-EdgeKv-Expiration";
}
