using EdgeKv.Api.Http.Keys;
using EdgeKv.Api.Http.Watch;
using EdgeKv.Api.Access;
using EdgeKv.Api.Watching;
using EdgeKv.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Api.Http.Endpoints;

/// <summary>
/// <c>GET .../watch?key=a&amp;key=b</c> or <c>GET .../watch?prefix=p</c>: a Server-Sent-Events stream of changes (see
/// <see cref="WatchStream"/>), resumable from a versionstamp given as <c>?after=</c> or the <c>Last-Event-ID</c> header
/// a browser's EventSource sends when it reconnects. Everything is validated before the stream starts, so a refused
/// watch is an ordinary JSON error.
/// </summary>
internal static class WatchEndpoint
{
    public static async Task HandleAsync(
        HttpContext context, string[]? key, string? prefix, string? after, string? lastEventId, TimeSpan keepAliveInterval)
    {
        var grant = KvAccess.GrantOf(context);
        var scope = ScopeOf(key ?? [], prefix, context.Request.Query.ContainsKey("prefix"));
        var resumeFrom = ResumePoint(after, lastEventId);
        using var lease = context.RequestServices.GetRequiredService<WatchStreamGate>().TryOpen(grant, WatchProtocols.ServerSentEvents)
            ?? throw new KvHttpRequestException(StatusCodes.Status429TooManyRequests, KvHttpErrorCodes.TooManyWatches, KvAccessErrors.TooManyWatchStreams);
        await WatchStream.RunAsync(context, grant, scope, resumeFrom, keepAliveInterval);
    }

    private static WatchScope ScopeOf(string[] keys, string? prefix, bool hasPrefix)
    {
        if ((keys.Length > 0) == hasPrefix)
        {
            throw KvHttpRequestException.BadRequest(KvHttpErrors.WatchSelector);
        }

        return hasPrefix ? new PrefixWatchScope(StringKeys.ValidatePrefix(prefix)) : new KeysWatchScope(keys);
    }

    private static Versionstamp? ResumePoint(string? after, string? lastEventId)
    {
        var text = string.IsNullOrWhiteSpace(after) ? lastEventId : after;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Versionstamp.TryParse(text.Trim(), out var versionstamp)
            ? versionstamp
            : throw KvHttpRequestException.BadRequest(KvHttpErrors.InvalidAfter);
    }
}
