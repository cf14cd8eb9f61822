using EdgeKv.Core;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Storage;
using Microsoft.AspNetCore.Http;

namespace EdgeKv.Api.Http;

/// <summary>
/// Turns the errors a caller can fix into the API's JSON error: engine errors (<see cref="KvException"/>, thrown before
/// anything is written) keep their exact message; the API's own refusals (<see cref="KvHttpRequestException"/>) carry
/// theirs; domain refusals (<see cref="DomainException"/>) their code and message. An unavailable storage propagates to
/// <see cref="Outages.StorageUnavailableAnswers"/>, which answers it the same way for every protocol. Anything else is a
/// server fault and propagates as a 500.
/// </summary>
internal sealed class KvHttpErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        try
        {
            return await next(invocation);
        }
        catch (KvException e) when (!invocation.HttpContext.Response.HasStarted && !StorageUnavailability.IsUnavailable(e))
        {
            return KvHttpError.FromEngine(e);
        }
        catch (KvHttpRequestException e) when (!invocation.HttpContext.Response.HasStarted)
        {
            return KvHttpError.Result(e.StatusCode, e.Code, e.Message);
        }
        catch (DomainException e) when (!invocation.HttpContext.Response.HasStarted)
        {
            return KvHttpError.FromDomain(e);
        }
    }
}
