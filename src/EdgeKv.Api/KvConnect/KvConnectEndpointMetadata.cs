namespace EdgeKv.Api.KvConnect;

/// <summary>Marks KV Connect's endpoints, whose refusals are plain text (Deno shows the body) rather than the HTTP API's JSON.</summary>
internal sealed class KvConnectEndpointMetadata
{
    public static readonly KvConnectEndpointMetadata Instance = new();
}
