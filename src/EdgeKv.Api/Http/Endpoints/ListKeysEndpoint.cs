using EdgeKv.Api.Access;
using EdgeKv.Api.Http.Keys;
using Microsoft.AspNetCore.Http;

namespace EdgeKv.Api.Http.Endpoints;

/// <summary><c>GET .../keys?prefix=&amp;limit=&amp;cursor=</c>: a page of string keys with their expiration and metadata.</summary>
internal static class ListKeysEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, string? prefix, string? limit, string? cursor)
    {
        var store = KvAccess.GrantOf(context).Store;
        var validPrefix = StringKeys.ValidatePrefix(prefix);
        var page = await KeyLister.ListAsync(
            store, validPrefix, KeyLister.ParseLimit(limit), KeyLister.ParseCursor(cursor, validPrefix), context.RequestAborted);
        return Results.Json(page, KvHttpJson.Options);
    }
}
