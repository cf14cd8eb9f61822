using System.Text;

namespace EdgeKv.Api.Http.Metadata;

/// <summary>Metadata as the API accepts it: JSON text of at most <see cref="KvHttpLimits.MaxMetadataBytes"/> UTF-8 bytes.</summary>
internal static class MetadataText
{
    /// <summary>The metadata to store, or null for none; refuses oversized or invalid JSON with its message.</summary>
    public static string? Validate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        var utf8 = Encoding.UTF8.GetBytes(text);
        if (utf8.Length > KvHttpLimits.MaxMetadataBytes)
        {
            throw KvHttpRequestException.BadRequest(KvHttpErrors.MetadataTooLarge);
        }

        return KvHttpJson.IsValid(utf8) ? text : throw KvHttpRequestException.BadRequest(KvHttpErrors.MetadataNotJson);
    }
}
