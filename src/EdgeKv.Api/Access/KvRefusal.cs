using EdgeKv.Api.Http;
using EdgeKv.Core;
using Microsoft.AspNetCore.Http;

namespace EdgeKv.Api.Access;

/// <summary>
/// Every way a program's request can be refused before it reaches its endpoint's work, each defined once with its status, the HTTP API's error code and its
/// message (<see cref="KvAccessErrors"/>), so a refusal reads the same in every protocol: the HTTP API's JSON error,
/// KV Connect's plain text, the hub's <c>HubException</c>.
/// </summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Code">The HTTP API's error code.</param>
/// <param name="Message">The message, in every protocol.</param>
public sealed record KvRefusal(int StatusCode, string Code, string Message)
{
    /// <summary>No usable token was sent.</summary>
    public static readonly KvRefusal MissingToken = new(StatusCodes.Status401Unauthorized, KvHttpErrorCodes.Unauthorized, KvAccessErrors.MissingBearerToken);

    /// <summary>An unknown, expired or revoked token.</summary>
    public static readonly KvRefusal InvalidToken = new(StatusCodes.Status401Unauthorized, KvHttpErrorCodes.Unauthorized, KvAccessErrors.InvalidAccessToken);

    /// <summary>A valid token of another namespace.</summary>
    public static readonly KvRefusal OtherNamespace = new(StatusCodes.Status403Forbidden, KvHttpErrorCodes.Forbidden, KvAccessErrors.TokenForOtherNamespace);

    /// <summary>A namespace that does not exist.</summary>
    public static readonly KvRefusal NamespaceNotFound = new(StatusCodes.Status404NotFound, KvHttpErrorCodes.NamespaceNotFound, KvAccessErrors.NamespaceNotFound);

    /// <summary>A read-only token on an endpoint that writes.</summary>
    public static readonly KvRefusal ReadOnly = new(StatusCodes.Status403Forbidden, KvHttpErrorCodes.ReadOnly, KvAccessErrors.ReadOnlyToken);

    /// <summary>A token scoped to chosen namespaces, on an account-level endpoint.</summary>
    public static readonly KvRefusal AccountScopeRequired = new(StatusCodes.Status403Forbidden, KvHttpErrorCodes.Forbidden, KvAccessErrors.AccountScopeRequired);

    /// <summary>A read-only token on an account-level endpoint that changes namespaces.</summary>
    public static readonly KvRefusal ReadOnlyAccount = new(StatusCodes.Status403Forbidden, KvHttpErrorCodes.ReadOnly, KvAccessErrors.ReadOnlyAccountToken);

    /// <summary>
    /// The admin database or the engine's storage cannot be used right now (<c>StorageUnavailability</c>): 503 with
    /// the engine's message and <c>Retry-After</c>, which KV Connect clients retry by themselves.
    /// </summary>
    public static readonly KvRefusal Unavailable = new(StatusCodes.Status503ServiceUnavailable, KvHttpErrorCodes.Unavailable, KvErrors.StorageUnavailable);

    /// <summary>The refusal of a resolver's <paramref name="denial"/>.</summary>
    public static KvRefusal Of(KvAccessDenial denial) => denial switch
    {
        KvAccessDenial.OtherNamespace => OtherNamespace,
        KvAccessDenial.NamespaceNotFound => NamespaceNotFound,
        KvAccessDenial.AccountScopeRequired => AccountScopeRequired,
        _ => InvalidToken,
    };
}
