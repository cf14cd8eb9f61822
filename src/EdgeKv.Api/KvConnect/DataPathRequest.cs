using EdgeKv.Api.Access;
using Microsoft.AspNetCore.Http;

namespace EdgeKv.Api.KvConnect;

/// <summary>
/// An accepted data path request: the grant of its access policy, the protocol version the client speaks (2 or 3) and
/// the protobuf body. Acceptance checks, in order, the <c>x-denokv-version</c> header and the
/// <c>x-denokv-database-id</c> header (which must name this namespace's database, so a client confused about which
/// database it talks to is stopped), then reads the body.
/// </summary>
internal sealed record DataPathRequest(KvAccessGrant Grant, int ProtocolVersion, byte[] Body)
{
    /// <summary>The accepted request of a data path operation; null after answering a refusal.</summary>
    public static async Task<DataPathRequest?> AcceptAsync(HttpContext context, string namespaceId, long maxBodyBytes)
    {
        var grant = KvAccess.GrantOf(context);
        var version = context.Request.Headers["x-denokv-version"].ToString() switch
        {
            "2" => 2,
            "3" => 3,
            _ => 0,
        };
        if (version == 0)
        {
            await KvConnectHttp.WriteErrorAsync(context, StatusCodes.Status400BadRequest, KvConnectErrors.InvalidProtocolVersion);
            return null;
        }

        if (!Guid.TryParse(context.Request.Headers["x-denokv-database-id"].ToString(), out var databaseId)
            || databaseId != KvConnectDatabaseId.Of(grant, namespaceId))
        {
            await KvConnectHttp.WriteErrorAsync(context, StatusCodes.Status400BadRequest, KvConnectErrors.InvalidDatabaseId);
            return null;
        }

        var body = await KvConnectHttp.ReadBodyAsync(context, maxBodyBytes);
        return new DataPathRequest(grant, version, body);
    }
}
