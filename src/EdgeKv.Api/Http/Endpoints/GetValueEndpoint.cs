using EdgeKv.Api.Access;
using EdgeKv.Api.Http.Metadata;
using EdgeKv.Api.Http.Values;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace EdgeKv.Api.Http.Endpoints;

/// <summary>
/// <c>GET .../values/{key}</c>: the value (raw bytes, or text/JSON when asked), with its versionstamp as ETag and its
/// encoding, expiration and metadata in headers. 404 when missing; 304 when <c>If-None-Match</c> names the current
/// versionstamp. A returned value counts toward its token's bytes read (<see cref="KvReadCounter"/>); a 404 or 304 counts
/// none. <c>?consistency=eventual</c> lets the node's read replica answer (<see cref="ReadConsistency"/>).
/// </summary>
internal static class GetValueEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context, string? key, string? type, string? consistency, [FromHeader(Name = "If-None-Match")] string? ifNoneMatch)
    {
        var grant = KvAccess.GrantOf(context);
        var store = grant.Store;
        var representation = ValueRepresentations.Choose(type, context.Request.GetTypedHeaders().Accept);
        var readConsistency = ReadConsistency.Parse(consistency);
        var (entry, metadata) = await MetadataReader.GetAsync(store, RouteKey.Of(context, key), context.RequestAborted, readConsistency);
        if (entry.Value is not { } value)
        {
            return KvHttpError.Result(StatusCodes.Status404NotFound, KvHttpErrorCodes.KeyNotFound, KvHttpErrors.KeyNotFound);
        }

        EntryHeaders.Set(context.Response, entry, metadata);
        var etag = EntryHeaders.ETagOf(entry.Versionstamp!.Value);
        if (ifNoneMatch?.Split(',').Any(tag => tag.Trim() == etag || tag.Trim() == "*") == true)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        KvReadCounter.Of(context, grant).Count(entry);
        return ValueRepresentations.Render(value, representation);
    }
}
