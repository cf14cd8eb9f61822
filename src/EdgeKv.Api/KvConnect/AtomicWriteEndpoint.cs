using EdgeKv.Api.Access;
using EdgeKv.Api.KvConnect.Protocol;
using EdgeKv.Core;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace EdgeKv.Api.KvConnect;

/// <summary>
/// <c>POST .../atomic_write</c>: applies checks and mutations all or nothing through the engine's commit. A token
/// without write access gets <c>AW_WRITE_DISABLED</c> (Deno throws "Writes are disabled for this database"), a failed
/// check <c>AW_CHECK_FAILURE</c> (Deno answers <c>{ ok: false }</c>); engine errors (limits, quota, bad operands)
/// are 400 with the engine's message. Queues are not part of EdgeKv, so a write with enqueues is refused (Deno's
/// own KV Connect client never sends any).
/// </summary>
internal static class AtomicWriteEndpoint
{
    // The engine's largest commit plus room for the protobuf framing; the engine enforces the exact limits.
    private const long MaxBodyBytes = KvLimits.MaxTotalMutationBytes + (1024 * 1024);

    public static async Task HandleAsync(HttpContext context, string namespaceId)
    {
        var request = await DataPathRequest.AcceptAsync(context, namespaceId, MaxBodyBytes);
        if (request is null)
        {
            return;
        }

        await KvConnectHttp.GuardAsync(context, async () =>
        {
            var write = AtomicWrite.Parser.ParseFrom(request.Body);
            if (!request.Grant.CanWrite)
            {
                await KvConnectHttp.WriteProtobufAsync(context, new AtomicWriteOutput { Status = AtomicWriteStatus.AwWriteDisabled });
                return;
            }

            if (write.Enqueues.Count > 0)
            {
                throw new KvConnectRequestException(KvConnectErrors.EnqueueUnsupported);
            }

            // Not cancelled with the request: a write that arrived whole is applied, and its answer is best effort.
            var commit = AtomicWriteMapper.ToEngine(write, DateTimeOffset.UtcNow);
            var result = await request.Grant.Store.CommitAsync(commit, CancellationToken.None);
            if (result.Ok)
            {
                KvAccess.CountWritten(context, request.Grant, commit);
            }

            var output = result is { Ok: true, Versionstamp: { } versionstamp }
                ? new AtomicWriteOutput { Status = AtomicWriteStatus.AwSuccess, Versionstamp = UnsafeByteOperations.UnsafeWrap(versionstamp.ToBytes()) }
                : new AtomicWriteOutput { Status = AtomicWriteStatus.AwCheckFailure };
            await KvConnectHttp.WriteProtobufAsync(context, output);
        });
    }
}
