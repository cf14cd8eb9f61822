using System.Text.Json;
using EdgeKv.Core;
using EdgeKv.Core.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace EdgeKv.Api.Http.Values;

/// <summary>The headers that describe a stored value: ETag (its versionstamp), encoding, expiration, metadata.</summary>
internal static class EntryHeaders
{
    /// <summary>The ETag of a versionstamp: the quoted 20 hex characters, what <c>If-Match</c> takes back.</summary>
    public static string ETagOf(Versionstamp versionstamp) => $"\"{versionstamp}\"";

    public static void SetETag(HttpResponse response, Versionstamp versionstamp) => response.Headers[HeaderNames.ETag] = ETagOf(versionstamp);

    public static void Set(HttpResponse response, KvEntry entry, JsonElement? metadata)
    {
        SetETag(response, entry.Versionstamp!.Value);
        response.Headers[KvHttpHeaders.Encoding] = ValueRepresentations.EncodingName(entry.Value!.Encoding);
        if (entry.ExpiresAt is { } expiresAt)
        {
            response.Headers[KvHttpHeaders.Expiration] = expiresAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (metadata is { } json)
        {
            response.Headers[KvHttpHeaders.Metadata] = KvHttpJson.ToAsciiJson(json);
        }
    }
}
