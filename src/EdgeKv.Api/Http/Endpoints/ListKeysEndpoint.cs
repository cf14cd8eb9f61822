using EdgeKv.Api.Access;
using EdgeKv.Api.Http.Keys;
using Microsoft.AspNetCore.Http;

namespace EdgeKv.Api.Http.Endpoints;

/// <summary>
/// <c>GET .../keys?prefix=&amp;limit=&amp;cursor=&amp;consistency=</c>: a page of string keys with their expiration and
/// metadata, read strongly or (<c>consistency=eventual</c>) from the node's replica when it serves.
/// </summary>
internal static class ListKeysEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, string? prefix, string? limit, string? cursor, string? consistency)
    {
        var store = KvAccess.GrantOf(context).Store;
        var validPrefix = StringKeys.ValidatePrefix(prefix);
        var page = await KeyLister.ListAsync(
            store, validPrefix, KeyLister.ParseLimit(limit), KeyLister.ParseCursor(cursor, validPrefix), ReadConsistency.Parse(consistency),
            context.RequestAborted);
        return Results.Json(page, KvHttpJson.Options);
    }
}
