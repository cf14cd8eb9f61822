namespace EdgeKv.Api.Http;

/// <summary>
/// The machine-readable <c>code</c> of every JSON error (<c>{"error":{"code","message"}}</c>): programs branch on the
/// code, people read the message.
/// </summary>
public static class KvHttpErrorCodes
{
    /// <summary>401: no token, or an unknown, expired or revoked one.</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>403: a token of another namespace.</summary>
    public const string Forbidden = "forbidden";

    /// <summary>403: a read-only token used to write.</summary>
    public const string ReadOnly = "read_only";

    /// <summary>404: the namespace does not exist.</summary>
    public const string NamespaceNotFound = "namespace_not_found";

    /// <summary>404: the key does not exist (or has expired).</summary>
    public const string KeyNotFound = "key_not_found";

    /// <summary>409: a conditional write whose precondition failed.</summary>
    public const string Conflict = "conflict";

    /// <summary>413: a value or a whole commit over the engine's size limits, or a request body over its limit.</summary>
    public const string TooLarge = "too_large";

    /// <summary>406: the value cannot be given in the representation asked for.</summary>
    public const string NotAcceptable = "not_acceptable";

    /// <summary>507: the write would take the account past its storage capacity.</summary>
    public const string QuotaExceeded = "quota_exceeded";

    /// <summary>503: the namespace's store is closing (it was deleted, or the server is stopping), or the storage is unavailable right now (a database server down or restarting; with Retry-After).</summary>
    public const string Unavailable = "unavailable";

    /// <summary>429: too many requests with this token in the current window (see the <c>Retry-After</c> header).</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>429: too many watch streams open for the token or its account.</summary>
    public const string TooManyWatches = "too_many_watches";

    /// <summary>400: anything else the caller can fix: bad key, limit, TTL, metadata, JSON, cursor, selector.</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary>415: a body of a type the endpoint does not take.</summary>
    public const string UnsupportedMediaType = "unsupported_media_type";

    /// <summary>405: a method the route does not answer.</summary>
    public const string MethodNotAllowed = "method_not_allowed";
}
