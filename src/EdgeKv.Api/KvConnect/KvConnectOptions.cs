namespace EdgeKv.Api.KvConnect;

/// <summary>Tunables of the KV Connect endpoints; the defaults suit production.</summary>
public sealed class KvConnectOptions
{
    /// <summary>
    /// How long the metadata a client receives stays valid. Clients refresh it well before (Deno every minute, the Node
    /// client when under five minutes remain), and every request re-checks the token anyway, so revocation is immediate.
    /// </summary>
    public TimeSpan MetadataLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often an idle watch stream sends a keep-alive frame, so proxies and clients see a live connection.</summary>
    public TimeSpan WatchKeepAliveInterval { get; set; } = TimeSpan.FromSeconds(10);
}
