using Microsoft.Extensions.Logging;

namespace EdgeKv.Api.Diagnostics;

/// <summary>
/// The APIs' log messages (source-generated): refusals an operator should see. Tokens appear by id only, never by
/// secret; a request's address is the connection's remote address.
/// </summary>
internal static partial class ApiLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Watch refused ({Protocol}): the {Scope} limit of open streams is reached (token {TokenId}, account {AccountId})")]
    public static partial void WatchLimitReached(ILogger logger, string protocol, string scope, string tokenId, string accountId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "{Api} request refused from {RemoteAddress}: {Reason} ({Method} {Path})")]
    public static partial void AccessRefused(ILogger logger, string api, string? remoteAddress, string reason, string method, string path);
}
