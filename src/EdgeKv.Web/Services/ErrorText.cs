using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Storage;
using Microsoft.Extensions.Localization;

namespace EdgeKv.Web.Services;

/// <summary>
/// Turns the domain's errors into text in the console's language: the resource <c>DomainError.{code}</c> with the
/// error's arguments, or the domain's English message when no translation exists. The storage being unavailable (a
/// PostgreSQL server down or restarting, <see cref="StorageUnavailability"/>) is said as such, so the person knows to
/// try again rather than report a fault. Anything else is a fault: it is logged in full and the person sees a generic
/// message, never a stack trace.
/// </summary>
public sealed class ErrorText(IStringLocalizer<SharedResource> l, ILogger<ErrorText> logger)
{
    /// <summary>The localized message of <paramref name="error"/>.</summary>
    public string For(DomainError error)
    {
        var text = l["DomainError." + error.Code, [.. error.Arguments]];
        return text.ResourceNotFound ? error.Message : text.Value;
    }

    /// <summary>The localized message of a refused request or of an outage, or a generic message for anything unexpected.</summary>
    public string For(Exception exception) => exception switch
    {
        DomainException domain => For(domain.Error),
        _ when StorageUnavailability.IsUnavailable(exception) => Unavailable(exception),
        _ => Unexpected(exception),
    };

    /// <summary>The console's message for "the storage is unavailable right now" (also its error boundary's).</summary>
    public string StorageUnavailable => l["Common.StorageUnavailable"];

    private string Unavailable(Exception exception)
    {
        // The operator's concern, not a bug: a warning with the server's own message, once per failed operation.
        logger.LogWarning("A console operation met the storage unavailable: {Reason}", exception.GetBaseException().Message);
        return StorageUnavailable;
    }

    private string Unexpected(Exception exception)
    {
        logger.LogError(exception, "A console operation failed unexpectedly.");
        return l["Common.UnexpectedError"];
    }
}
