using System.Text.Encodings.Web;
using System.Text.Json;

namespace EdgeKv.Api.Http;

/// <summary>
/// The JSON settings of the HTTP API's bodies, fixed here rather than taken from the host's options, so the wire format
/// does not change with how a host configures its other endpoints: camelCase, nulls written, UTF-8 left unescaped.
/// </summary>
internal static class KvHttpJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The default encoder escapes every non-ASCII character, so the result is safe in an HTTP header.</summary>
    public static string ToAsciiJson(JsonElement element) => JsonSerializer.Serialize(element);

    /// <summary>Whether <paramref name="utf8"/> is one complete JSON value.</summary>
    public static bool IsValid(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
            if (!reader.Read())
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Parses JSON known to be valid (see <see cref="IsValid"/>) into an element that outlives its document.</summary>
    public static JsonElement Parse(ReadOnlyMemory<byte> utf8)
    {
        using var document = JsonDocument.Parse(utf8);
        return document.RootElement.Clone();
    }
}
