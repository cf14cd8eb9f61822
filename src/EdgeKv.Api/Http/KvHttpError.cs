using EdgeKv.Api.Http.Contracts;
using EdgeKv.Core;
using EdgeKv.Domain.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace EdgeKv.Api.Http;

/// <summary>
/// The one shape of every 4xx/5xx answer: <c>{"error":{"code":"...","message":"..."}}</c>, where the message is the
/// engine's exact text (<see cref="KvErrors"/>) or the API's (<see cref="KvHttpErrors"/>).
/// </summary>
internal static class KvHttpError
{
    public static IResult Result(int statusCode, string code, string message) =>
        Results.Json(new ErrorResponse(new ErrorDetail(code, message)), KvHttpJson.Options, statusCode: statusCode);

    public static IResult BadRequest(string message) => Result(StatusCodes.Status400BadRequest, KvHttpErrorCodes.InvalidRequest, message);

    /// <summary>A 401 that also tells the client, by <c>WWW-Authenticate</c>, to send a bearer token.</summary>
    public static IResult Unauthorized(HttpContext context, string message)
    {
        context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        return Result(StatusCodes.Status401Unauthorized, KvHttpErrorCodes.Unauthorized, message);
    }

    /// <summary>
    /// An engine error as the status and code a program can act on, classified by its <see cref="KvException.Code"/>;
    /// the message stays the engine's. (<see cref="KvErrorCode.StorageUnavailable"/> never comes here: it is answered by
    /// <see cref="Outages.StorageUnavailableAnswers"/>, with the admin database's outages.)
    /// </summary>
    public static IResult FromEngine(KvException exception) => exception.Code switch
    {
        KvErrorCode.QuotaExceeded => Result(StatusCodes.Status507InsufficientStorage, KvHttpErrorCodes.QuotaExceeded, exception.Message),
        KvErrorCode.ValueTooLarge or KvErrorCode.TotalMutationSizeTooLarge =>
            Result(StatusCodes.Status413PayloadTooLarge, KvHttpErrorCodes.TooLarge, exception.Message),
        KvErrorCode.StoreClosed or KvErrorCode.NamespaceNotFound =>
            Result(StatusCodes.Status503ServiceUnavailable, KvHttpErrorCodes.Unavailable, exception.Message),
        _ => BadRequest(exception.Message),
    };

    /// <summary>
    /// A domain refusal (nothing was changed) with the domain's stable code and English message: a taken name or the
    /// namespace limit 409, an invalid name 400, an unknown or unreachable namespace, project or deployment 404, an account that is not open
    /// or is suspended 403; any other refusal 400.
    /// </summary>
    public static IResult FromDomain(DomainException exception)
    {
        var error = exception.Error;
        var status =
            error == DomainErrors.NamespaceLimitReached || error == DomainErrors.NamespaceNameTaken ? StatusCodes.Status409Conflict
            : error == DomainErrors.NamespaceNotFound || error == DomainErrors.ProjectNotFound || error == DomainErrors.DeploymentNotFound ? StatusCodes.Status404NotFound
            : error == DomainErrors.AccountNotOpen || error == DomainErrors.AccountSuspended ? StatusCodes.Status403Forbidden
            : StatusCodes.Status400BadRequest;
        return Result(status, error.Code, exception.Message);
    }
}
