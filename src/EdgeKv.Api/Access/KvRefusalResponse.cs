using EdgeKv.Api.Http;
using EdgeKv.Api.KvConnect;
using EdgeKv.Domain.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace EdgeKv.Api.Access;

/// <summary>Answers a <see cref="KvRefusal"/> in the protocol of the endpoint it happened on.</summary>
internal static class KvRefusalResponse
{
    public static async Task WriteAsync(HttpContext context, KvRefusal refusal)
    {
        if (refusal.StatusCode == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        }

        if (refusal.StatusCode == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers[HeaderNames.RetryAfter] = StorageUnavailability.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // KV Connect clients put a plain-text body into the error they throw; everything else gets the JSON error.
        if (context.GetEndpoint()?.Metadata.GetMetadata<KvConnectEndpointMetadata>() is not null)
        {
            await KvConnectHttp.WriteErrorAsync(context, refusal.StatusCode, refusal.Message);
            return;
        }

        await KvHttpError.Result(refusal.StatusCode, refusal.Code, refusal.Message).ExecuteAsync(context);
    }
}
