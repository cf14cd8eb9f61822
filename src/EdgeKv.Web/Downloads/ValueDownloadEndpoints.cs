using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Records;

namespace EdgeKv.Web.Downloads;

/// <summary>
/// <c>GET /console/namespaces/{id}/values/download?key=k</c>: a record's raw value bytes as a file, for the record
/// viewer's 下载值 (a 25 MB value cannot travel back over the circuit). The signed-in user's cookie identity
/// becomes the domain <see cref="Caller"/>, and the domain decides exactly as for the console: another user's
/// namespace, a missing namespace and a missing key are all 404, so nothing tells them apart.
/// </summary>
internal static class ValueDownloadEndpoints
{
    public const string PathTemplate = "/console/namespaces/{namespaceId:int}/values/download";

    public static IEndpointRouteBuilder MapValueDownloadEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Anonymous visitors are challenged by the cookie scheme like any console page (redirect to sign in).
        endpoints.MapGet(PathTemplate, DownloadAsync).RequireAuthorization();
        return endpoints;
    }

    /// <summary>The download address of <paramref name="key"/> in namespace <paramref name="namespaceId"/>, relative to the base.</summary>
    public static string UrlFor(int namespaceId, string key) =>
        $"console/namespaces/{namespaceId}/values/download?key={Uri.EscapeDataString(key)}";

    private static async Task<IResult> DownloadAsync(HttpContext context, int namespaceId, string? key, RecordService records)
    {
        KvRecord? record;
        try
        {
            record = await records.GetAsync(Caller.FromPrincipal(context.User), namespaceId, key ?? "", context.RequestAborted);
        }
        catch (DomainException exception) when (exception.Error == DomainErrors.NamespaceNotFound)
        {
            return Results.NotFound();
        }
        catch (DomainException exception) when (exception.Error == DomainErrors.InvalidRecordKey)
        {
            return Results.BadRequest(exception.Error.Message);
        }

        if (record is null)
        {
            return Results.NotFound();
        }

        // Private data: never cached by the browser or a proxy, never sniffed into something it could render.
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";

        // The engine hands the value over in one piece; it is written from that memory as is, not copied again.
        return Results.Bytes(record.Value.Data, "application/octet-stream", DownloadFileName.For(record.DisplayKey));
    }
}
