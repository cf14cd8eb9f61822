using EdgeKv.Api.Access;
using EdgeKv.Api.KvConnect.Protocol;
using EdgeKv.Core.Store;
using Microsoft.AspNetCore.Http;

namespace EdgeKv.Api.KvConnect;

/// <summary>
/// <c>POST .../snapshot_read</c>: reads the requested raw key ranges in one snapshot. On the namespace's endpoint the
/// read is strong and says so; on its eventual endpoint (<c>.../eventual/snapshot_read</c>) it is eventual (the node's
/// read replica answers while it may) and says it is not strongly consistent. Reads are never disabled (read-only
/// tokens read too). Every value returned counts toward its token's bytes read (<see cref="KvReadCounter"/>).
/// </summary>
internal static class SnapshotReadEndpoint
{
    private const long MaxBodyBytes = 1024 * 1024;

    public static async Task HandleAsync(HttpContext context, string namespaceId, KvConsistency consistency)
    {
        var request = await DataPathRequest.AcceptAsync(context, namespaceId, MaxBodyBytes);
        if (request is null)
        {
            return;
        }

        await KvConnectHttp.GuardAsync(context, async () =>
        {
            var read = SnapshotRead.Parser.ParseFrom(request.Body);
            var ranges = read.Ranges.Select(r => new KvRawRange(r.Start.Memory, r.End.Memory, r.Limit, r.Reverse)).ToList();
            var results = await request.Grant.Store.ReadRawRangesAsync(ranges, consistency, context.RequestAborted);

            var output = new SnapshotReadOutput
            {
                ReadDisabled = false,
                ReadIsStronglyConsistent = consistency == KvConsistency.Strong,
                Status = SnapshotReadStatus.SrSuccess,
            };
            var reads = KvReadCounter.Of(context, request.Grant);
            foreach (var entries in results)
            {
                reads.Count(entries);
                var range = new ReadRangeOutput();
                range.Values.AddRange(entries.Select(KvValueWire.ToWire).OfType<Protocol.KvEntry>());
                output.Ranges.Add(range);
            }

            await KvConnectHttp.WriteProtobufAsync(context, output);
        });
    }
}
