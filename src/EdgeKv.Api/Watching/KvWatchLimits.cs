using System.ComponentModel.DataAnnotations;

namespace EdgeKv.Api.Watching;

/// <summary>
/// How many watch streams may be open at once, counted together over every protocol (SSE, the SignalR hub, KV
/// Connect). Each open watch holds a connection, a change-feed subscription and a re-read per matching commit, so one
/// leaked client loop must not exhaust the server. Bound from <c>EdgeKv:Watch</c> by the console host.
/// </summary>
public sealed class KvWatchLimits
{
    /// <summary>The configuration section the host binds.</summary>
    public const string SectionName = "EdgeKv:Watch";

    /// <summary>Open watch streams per access token (a browser tab or a Deno process usually holds one or two).</summary>
    [Range(1, 100_000)]
    public int MaxStreamsPerToken { get; set; } = 16;

    /// <summary>Open watch streams per account, over all of its tokens.</summary>
    [Range(1, 1_000_000)]
    public int MaxStreamsPerAccount { get; set; } = 64;
}
