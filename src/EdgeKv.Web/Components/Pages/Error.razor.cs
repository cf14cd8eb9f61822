using System.Globalization;
using EdgeKv.Domain.Storage;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Diagnostics;

namespace EdgeKv.Web.Components.Pages;

/// <summary>
/// The page the host's exception handler shows (outside Development). A request that failed because the storage is
/// unavailable (a PostgreSQL server down or restarting, <see cref="StorageUnavailability"/>) — a sign-in, say — is
/// told so with 503 and <c>Retry-After</c>, as the HTTP API tells programs; anything else is the generic fault.
/// </summary>
public partial class Error
{
    private bool _storageUnavailable;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        _storageUnavailable = StorageUnavailability.IsUnavailable(HttpContext?.Features.Get<IExceptionHandlerFeature>()?.Error);
        if (_storageUnavailable && HttpContext is { Response.HasStarted: false } context)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = StorageUnavailability.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }
    }
}
