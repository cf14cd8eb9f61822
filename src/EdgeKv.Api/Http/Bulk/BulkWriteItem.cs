using EdgeKv.Core.Keys;
using System.Text;
using System.Text.Json;
using EdgeKv.Api.Http.Metadata;
using EdgeKv.Api.Http.Values;
using EdgeKv.Core.Store;
using EdgeKv.Core.Values;

namespace EdgeKv.Api.Http.Bulk;

/// <summary>
/// One item of <c>PUT .../bulk</c>: <c>{"key", "value", "base64"?, "expiration_ttl"?, "metadata"?}</c>. A string value
/// is stored as text, or as bytes when <c>base64</c> is true; any other JSON value (object, array, number, boolean)
/// is stored as JSON. Validated whole before anything of the request is written.
/// </summary>
internal static class BulkWriteItem
{
    public static KvMutation[] ToMutations(JsonElement item)
    {
        var key = BulkRequest.RequiredString(item, "key", KvHttpErrors.BulkWriteBody);
        if (!item.TryGetProperty("value", out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            throw KvHttpRequestException.BadRequest(KvHttpErrors.BulkWriteBody);
        }

        var kvValue = ValueOf(value, IsTrue(item, "base64"));
        BulkRequest.EnsureValueFits(kvValue.Data.Length);
        TimeSpan? ttl = item.TryGetProperty("expiration_ttl", out var seconds) && seconds.ValueKind != JsonValueKind.Null
            ? ExpirationTtl.FromSeconds(seconds.ValueKind == JsonValueKind.Number && seconds.TryGetInt64(out var whole) ? whole : 0)
            : null;
        var metadata = item.TryGetProperty("metadata", out var json) && json.ValueKind != JsonValueKind.Null
            ? MetadataText.Validate(json.GetRawText())
            : null;
        return StringKeyModel.Put(key, kvValue, ttl, metadata);
    }

    private static KvValue ValueOf(JsonElement value, bool base64)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return base64
                ? throw KvHttpRequestException.BadRequest(KvHttpErrors.InvalidBase64)
                : KvValue.FromStorage(KvValueEncoding.Json, Encoding.UTF8.GetBytes(value.GetRawText()));
        }

        if (!base64)
        {
            return KvValue.Text(value.GetString()!);
        }

        return value.TryGetBytesFromBase64(out var bytes) ? KvValue.Bytes(bytes) : throw KvHttpRequestException.BadRequest(KvHttpErrors.InvalidBase64);
    }

    private static bool IsTrue(JsonElement item, string name) =>
        item.TryGetProperty(name, out var flag) && flag.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null => false,
            _ => throw KvHttpRequestException.BadRequest(KvHttpErrors.BulkWriteBody),
        };
}
