using Microsoft.Extensions.Logging;

namespace EdgeKv.Api.Diagnostics;

/// <summary>
/// The APIs' log messages (source-generated): refusals an operator should see. Tokens appear by id only, never by
/// secret. (Refused credentials are logged by the host for every API at once, from the response status.)
/// </summary>
internal static partial class ApiLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Watch refused ({Protocol}): the {Scope} limit of open streams is reached (token {TokenId}, account {AccountId})")]
    public static partial void WatchLimitReached(ILogger logger, string protocol, string scope, string tokenId, string accountId);
}
