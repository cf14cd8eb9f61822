namespace EdgeKv.Api.Watching;

/// <summary>The <c>protocol</c> tag of watch metrics and logs.</summary>
public static class WatchProtocols
{
    /// <summary>The HTTP API's Server-Sent Events watch.</summary>
    public const string ServerSentEvents = "sse";

    /// <summary>The SignalR hub's streams.</summary>
    public const string SignalR = "signalr";

    /// <summary>KV Connect's watch (Deno, the Node client).</summary>
    public const string KvConnect = "kvconnect";
}
