using System.Text.Encodings.Web;
using System.Text.Json;
using EdgeKv.Core;

namespace EdgeKv.Api.Http.Watch;

/// <summary>
/// The JSON of one watch event, <c>{"versionstamp","initial","keys":[...]}</c>, written by both the SSE watch and the
/// SignalR hub so the two transports carry the same object.
/// </summary>
internal static class WatchEventJson
{
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Opens the event object and its <c>keys</c> array; entries follow, then <see cref="WriteEnd"/>.</summary>
    public static void WriteStart(Utf8JsonWriter json, Versionstamp? id, bool initial)
    {
        json.WriteStartObject();
        if (id is { } stamp)
        {
            json.WriteString("versionstamp", stamp.ToString());
        }
        else
        {
            json.WriteNull("versionstamp");
        }

        json.WriteBoolean("initial", initial);
        json.WriteStartArray("keys");
    }

    public static void WriteEnd(Utf8JsonWriter json)
    {
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
