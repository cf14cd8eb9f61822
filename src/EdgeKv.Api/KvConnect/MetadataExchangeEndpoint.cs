using EdgeKv.Api.Access;
using System.Globalization;
using System.Text.Json;
using EdgeKv.Core.Registry;
using EdgeKv.Core.Replication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Api.KvConnect;

/// <summary>
/// <c>POST {prefix}/{namespaceId}</c>: KV Connect's metadata exchange. Behind the namespace read policy; picks the highest protocol
/// version both sides speak (2 or 3), and answers with the namespace's database id, its endpoints and the token to use
/// there. The token handed out is the caller's own: every data path request checks it again, so revoking it takes
/// effect at once.
/// <para>
/// The namespace's URL lists a strongly consistent endpoint (this same URL; the data path operations hang under it)
/// and, on a node with a read replica, an eventual one (<c>{url}/eventual</c>) where spec-following clients (the Node
/// client) send eventual reads. Deno's own client sends every request to the strong endpoint whatever the read's
/// consistency, so <c>{url}/eventual</c> is also a database URL of its own for <c>Deno.openKv</c>: its metadata lists
/// that eventual endpoint as eventual and, because Deno's client needs one, as strong too; its reads answer
/// <c>read_is_strongly_consistent = false</c>, so a strong read there fails in every client, and writes and watches
/// there are refused (ADR 0014).
/// </para>
/// </summary>
internal static class MetadataExchangeEndpoint
{
    private static readonly int[] s_serverVersions = [3, 2];

    public static async Task HandleAsync(HttpContext context, string namespaceId, KvConnectOptions options, bool eventualView)
    {
        var grant = KvAccess.GrantOf(context);
        var clientVersions = await ReadSupportedVersionsAsync(context);
        if (clientVersions is null)
        {
            await KvConnectHttp.WriteErrorAsync(context, StatusCodes.Status400BadRequest, KvConnectErrors.InvalidMetadataRequest);
            return;
        }

        var version = s_serverVersions.FirstOrDefault(clientVersions.Contains);
        if (version == 0)
        {
            await KvConnectHttp.WriteErrorAsync(context, StatusCodes.Status400BadRequest, KvConnectErrors.NoCommonProtocolVersion);
            return;
        }

        var token = context.Features.Get<KvCredential>()!.Token;
        var expiresAt = DateTimeOffset.UtcNow.Add(options.MetadataLifetime);

        // Clients resolve the endpoint against this URL and append "/snapshot_read" and the like; it must not end
        // in "/". The path base keeps it right behind a reverse proxy that mounts the host under a path.
        var endpointUrl = (context.Request.PathBase + context.Request.Path).ToString().TrimEnd('/');
        var endpoints = Endpoints(endpointUrl, eventualView, HasReplica(context));

        // Written by hand: the Node client accepts the content type "application/json" only, without a charset.
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteNumber("version", version);
        json.WriteString("databaseId", KvConnectDatabaseId.Of(grant, namespaceId).ToString("D"));
        json.WriteStartArray("endpoints");
        foreach (var (url, consistency) in endpoints)
        {
            json.WriteStartObject();
            json.WriteString("url", url);
            json.WriteString("consistency", consistency);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("token", token);
        json.WriteString("expiresAt", expiresAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    private static (string Url, string Consistency)[] Endpoints(string endpointUrl, bool eventualView, bool hasReplica) =>
        eventualView ? [(endpointUrl, "eventual"), (endpointUrl, "strong")]
        : hasReplica ? [(endpointUrl, "strong"), (endpointUrl + KvConnectEndpointRouteBuilderExtensions.EventualSegment, "eventual")]
        : [(endpointUrl, "strong")];

    // A host that serves KV Connect without the engine's registry (stores found another way) has no replica either.
    private static bool HasReplica(HttpContext context) =>
        context.RequestServices.GetService<IKvStoreRegistry>() is { Replica.Health: not KvReplicaHealth.NotConfigured };

    /// <summary>
    /// The versions the client lists; [1] for an empty body (the spec's default); null for a body that is not
    /// <c>{"supportedVersions":[numbers]}</c>.
    /// </summary>
    private static async Task<HashSet<int>?> ReadSupportedVersionsAsync(HttpContext context)
    {
        var body = await KvConnectHttp.ReadBodyAsync(context, 64 * 1024);
        if (body.Length == 0)
        {
            return [1];
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("supportedVersions", out var versions)
                || versions.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var result = new HashSet<int>();
            foreach (var item in versions.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out var v))
                {
                    return null;
                }

                result.Add(v);
            }

            return result;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
