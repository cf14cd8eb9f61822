using System.Text.Unicode;
using EdgeKv.Core;
using EdgeKv.Core.Values;
using Microsoft.Net.Http.Headers;

namespace EdgeKv.Api.Http.Values;

/// <summary>
/// What a <c>PUT</c> body is stored as, by its Content-Type: <c>text/*</c> as UTF-8 text (checked), <c>application/json</c>
/// and <c>*/*+json</c> as JSON (checked), anything else (or none) as raw bytes. The bytes are stored exactly as sent.
/// </summary>
internal static class ValueBody
{
    public static KvValue ToValue(byte[] body, string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return KvValue.Bytes(body);
        }

        if (mediaType.Type.Equals("text", StringComparison.OrdinalIgnoreCase))
        {
            return Utf8.IsValid(body)
                ? KvValue.FromStorage(KvValueEncoding.Text, body)
                : throw KvHttpRequestException.BadRequest(KvHttpErrors.TextNotUtf8);
        }

        if (IsJson(mediaType))
        {
            return KvHttpJson.IsValid(body)
                ? KvValue.FromStorage(KvValueEncoding.Json, body)
                : throw KvHttpRequestException.BadRequest(KvErrors.EdgeOneNotJson);
        }

        return KvValue.Bytes(body);
    }

    private static bool IsJson(MediaTypeHeaderValue mediaType) =>
        mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);
}
