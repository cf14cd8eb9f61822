using EdgeKv.Api.Access;
using EdgeKv.Api.Http.Bulk;
using EdgeKv.Api.Http.Contracts;
using EdgeKv.Core.Store;
using Microsoft.AspNetCore.Http;

namespace EdgeKv.Api.Http.Endpoints;

/// <summary>
/// <c>PUT .../bulk</c>: writes up to 10,000 keys (with their metadata) all or nothing, in one atomic commit: every item
/// is validated first, and one bad item refuses the whole request with its message.
/// </summary>
internal static class BulkWriteEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context)
    {
        var grant = KvAccess.GrantOf(context);
        using var items = await BulkRequest.ReadArrayAsync(context, KvHttpErrors.BulkWriteBody);
        var mutations = items.RootElement.EnumerateArray().SelectMany(BulkWriteItem.ToMutations).ToList();
        var count = mutations.Count / 2;
        if (count == 0)
        {
            return Results.Json(new BulkResponse(0, null), KvHttpJson.Options);
        }

        var write = new KvAtomicWrite([], mutations);
        var result = await BulkRequest.CommitAsync(grant.Store, write, context.RequestAborted);
        KvAccess.CountWritten(context, grant, write);
        return Results.Json(new BulkResponse(count, result.Versionstamp!.Value.ToString()), KvHttpJson.Options);
    }
}
