using EdgeKv.Core.Keys;
using EdgeKv.Api.Access;
using EdgeKv.Api.Http.Contracts;
using EdgeKv.Api.Http.Keys;
using EdgeKv.Api.Http.Metadata;
using EdgeKv.Api.Http.Values;
using EdgeKv.Core;
using EdgeKv.Core.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace EdgeKv.Api.Http.Endpoints;

/// <summary>
/// <c>PUT .../values/{key}</c>: writes the body (up to 25 MiB, streamed in and refused with 413 past it) with an
/// optional <c>expiration_ttl</c> and <c>X-EdgeKv-Metadata</c>, optionally only if <c>If-None-Match: *</c> or
/// <c>If-Match</c> holds (409 otherwise). Everything is validated before the body is read, and the value and its
/// metadata are one atomic commit whose versionstamp comes back as the ETag.
/// </summary>
internal static class PutValueEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context,
        string? key,
        [FromQuery(Name = "expiration_ttl")] string? expirationTtl,
        [FromHeader(Name = KvHttpHeaders.Metadata)] string? metadata,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        [FromHeader(Name = "If-None-Match")] string? ifNoneMatch)
    {
        var grant = KvAccess.GrantOf(context);
        var store = grant.Store;
        var stringKey = RouteKey.Of(context, key);
        var tupleKey = StringKeys.ToTupleKey(stringKey);
        var ttl = ExpirationTtl.Parse(expirationTtl);
        var metadataJson = MetadataText.Validate(metadata);
        var precondition = Precondition.Parse(ifMatch, ifNoneMatch);

        var body = await BoundedBody.ReadAsync(context, KvLimits.MaxValueBytes) ?? throw new KvException(KvErrorCode.ValueTooLarge);
        var value = ValueBody.ToValue(body, context.Request.ContentType);
        var checks = precondition is null ? [] : await precondition.ToChecksAsync(store, tupleKey, context.RequestAborted);
        var write = new KvAtomicWrite(checks, StringKeyModel.Put(stringKey, value, ttl, metadataJson));
        var result = await store.CommitAsync(write, context.RequestAborted);
        if (!result.Ok)
        {
            throw precondition!.Conflict();
        }

        KvAccess.CountWritten(context, grant, write);

        EntryHeaders.SetETag(context.Response, result.Versionstamp!.Value);
        return Results.Json(new WriteResponse(stringKey, result.Versionstamp.Value.ToString()), KvHttpJson.Options);
    }
}
