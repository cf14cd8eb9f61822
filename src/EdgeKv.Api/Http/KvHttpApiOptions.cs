namespace EdgeKv.Api.Http;

/// <summary>Tunables of the HTTP API; the defaults suit production.</summary>
public sealed class KvHttpApiOptions
{
    /// <summary>
    /// How often an idle watch stream sends a comment line, so proxies and clients see a live connection (proxies
    /// commonly drop connections idle for 30–60 s).
    /// </summary>
    public TimeSpan WatchKeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);
}
