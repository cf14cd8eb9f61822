using EdgeKv.Domain.Errors;
using Microsoft.Extensions.Localization;

namespace EdgeKv.Web.Services;

/// <summary>
/// Turns the domain's errors into text in the console's language: the resource <c>DomainError.{code}</c> with the
/// error's arguments, or the domain's English message when no translation exists. Anything else is a fault: it is
/// logged in full and the person sees a generic message, never a stack trace.
/// </summary>
public sealed class ErrorText(IStringLocalizer<SharedResource> l, ILogger<ErrorText> logger)
{
    /// <summary>The localized message of <paramref name="error"/>.</summary>
    public string For(DomainError error)
    {
        var text = l["DomainError." + error.Code, [.. error.Arguments]];
        return text.ResourceNotFound ? error.Message : text.Value;
    }

    /// <summary>The localized message of a refused request, or a generic message for anything unexpected.</summary>
    public string For(Exception exception) => exception switch
    {
        DomainException domain => For(domain.Error),
        _ => Unexpected(exception),
    };

    private string Unexpected(Exception exception)
    {
        logger.LogError(exception, "A console operation failed unexpectedly.");
        return l["Common.UnexpectedError"];
    }
}
