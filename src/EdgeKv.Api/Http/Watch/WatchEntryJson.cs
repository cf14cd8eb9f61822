using System.Text.Json;
using EdgeKv.Api.Http.Values;
using EdgeKv.Core.Values;

namespace EdgeKv.Api.Http.Watch;

/// <summary>
/// One key of a watch event: <c>{"key","versionstamp","encoding","value"}</c>, or <c>{"key","deleted":true}</c> for a
/// key that is absent. The value follows its encoding: <c>text</c> a string, <c>json</c> the JSON itself,
/// <c>u64</c> a decimal string, <c>bytes</c> and <c>v8</c> base64.
/// </summary>
internal static class WatchEntryJson
{
    public static void Write(Utf8JsonWriter json, WatchedEntry watched)
    {
        json.WriteStartObject();
        json.WriteString("key", watched.Key);
        if (watched.Entry.Value is not { } value)
        {
            json.WriteBoolean("deleted", true);
        }
        else
        {
            json.WriteString("versionstamp", watched.Entry.Versionstamp!.Value.ToString());
            WriteValue(json, value);
        }

        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, KvValue value)
    {
        // Stored JSON is re-written compactly: an event's data must stay on one line.
        if (value.Encoding == KvValueEncoding.Json && KvHttpJson.IsValid(value.Data.Span))
        {
            json.WriteString("encoding", "json");
            json.WritePropertyName("value");
            using var document = JsonDocument.Parse(value.Data);
            document.RootElement.WriteTo(json);
            return;
        }

        switch (value.Encoding)
        {
            case KvValueEncoding.Bytes:
            case KvValueEncoding.V8:
                json.WriteString("encoding", ValueRepresentations.EncodingName(value.Encoding));
                json.WriteBase64String("value", value.Data.Span);
                break;
            case KvValueEncoding.U64:
                json.WriteString("encoding", "u64");
                json.WriteString("value", value.AsU64().ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteString("encoding", "text");
                json.WriteString("value", value.AsText());
                break;
        }
    }
}
