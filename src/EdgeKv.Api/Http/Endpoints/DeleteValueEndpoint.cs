using EdgeKv.Core.Keys;
using EdgeKv.Api.Access;
using EdgeKv.Api.Http.Contracts;
using EdgeKv.Api.Http.Keys;
using EdgeKv.Api.Http.Values;
using EdgeKv.Core.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace EdgeKv.Api.Http.Endpoints;

/// <summary>
/// <c>DELETE .../values/{key}</c>: removes the key and its metadata in one commit (a no-op for a missing key, as in
/// EdgeOne and Deno), optionally only if <c>If-Match</c> holds.
/// </summary>
internal static class DeleteValueEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context, string? key, [FromHeader(Name = "If-Match")] string? ifMatch, [FromHeader(Name = "If-None-Match")] string? ifNoneMatch)
    {
        var store = KvAccess.GrantOf(context).Store;
        var stringKey = RouteKey.Of(context, key);
        var tupleKey = StringKeys.ToTupleKey(stringKey);
        var precondition = Precondition.Parse(ifMatch, ifNoneMatch);
        var checks = precondition is null ? [] : await precondition.ToChecksAsync(store, tupleKey, context.RequestAborted);
        var result = await store.CommitAsync(new KvAtomicWrite(checks, StringKeyModel.Delete(stringKey)), context.RequestAborted);
        if (!result.Ok)
        {
            throw precondition!.Conflict();
        }

        EntryHeaders.SetETag(context.Response, result.Versionstamp!.Value);
        return Results.Json(new WriteResponse(stringKey, result.Versionstamp.Value.ToString()), KvHttpJson.Options);
    }
}
