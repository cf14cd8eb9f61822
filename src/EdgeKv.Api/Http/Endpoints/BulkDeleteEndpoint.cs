using EdgeKv.Core.Keys;
using EdgeKv.Api.Access;
using System.Text.Json;
using EdgeKv.Api.Http.Bulk;
using EdgeKv.Api.Http.Contracts;
using EdgeKv.Core.Store;
using Microsoft.AspNetCore.Http;

namespace EdgeKv.Api.Http.Endpoints;

/// <summary><c>POST .../bulk/delete</c>: deletes up to 10,000 keys (and their metadata) all or nothing, in one commit.</summary>
internal static class BulkDeleteEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context)
    {
        var store = KvAccess.GrantOf(context).Store;
        using var keys = await BulkRequest.ReadArrayAsync(context, KvHttpErrors.BulkDeleteBody);
        var mutations = keys.RootElement.EnumerateArray().SelectMany(key => StringKeyModel.Delete(
            key.ValueKind == JsonValueKind.String ? key.GetString()! : throw KvHttpRequestException.BadRequest(KvHttpErrors.BulkDeleteBody))).ToList();
        var count = mutations.Count / 2;
        if (count == 0)
        {
            return Results.Json(new BulkResponse(0, null), KvHttpJson.Options);
        }

        var result = await BulkRequest.CommitAsync(store, new KvAtomicWrite([], mutations), context.RequestAborted);
        return Results.Json(new BulkResponse(count, result.Versionstamp!.Value.ToString()), KvHttpJson.Options);
    }
}
