namespace EdgeKv.Web.Diagnostics;

/// <summary>
/// The console host's log messages (source-generated). Never a secret: no password, no token secret, no cookie; a
/// failed sign-in names the account only by its user id when it exists (never the typed name, which is sometimes a
/// password typed into the wrong field).
/// </summary>
internal static partial class ConsoleLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Sign-in failed ({Reason}) from {RemoteAddress} for user {UserId}")]
    public static partial void SignInFailed(ILogger logger, string reason, string? remoteAddress, string userId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Signed in: user {UserId} from {RemoteAddress}")]
    public static partial void SignedIn(ILogger logger, string userId, string? remoteAddress);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Audit: {Action} on {TargetType} {TargetId} by user {ActorUserId} (owner {OwnerUserId}, token {AccessTokenId})")]
    public static partial void Audited(ILogger logger, string action, string targetType, string targetId, string? actorUserId, string? ownerUserId, int? accessTokenId);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "API request refused with {StatusCode} from {RemoteAddress}: {Method} {Path}")]
    public static partial void ApiRefused(ILogger logger, int statusCode, string? remoteAddress, string method, string path);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Metrics scrape refused from {RemoteAddress} (allowed: {AllowedNetworks})")]
    public static partial void MetricsRefused(ILogger logger, string? remoteAddress, string allowedNetworks);
}
