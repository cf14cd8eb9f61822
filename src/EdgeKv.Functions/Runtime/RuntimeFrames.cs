using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeKv.Functions.Runtime;

/// <summary>
/// The channel's two hot frames (edgekv-runtime.js has the other half), every number big-endian:
/// <list type="bullet">
/// <item>request, host → runtime: <c>0x01</c>, id (u32), metadata length (u32), the metadata as a UTF-8 JSON array
/// <c>[file, params, method, url, [name, value, name, value, …]]</c>, then the body's raw bytes to the frame's end;</item>
/// <item>response, runtime → host: <c>0x02</c>, id (u32), status (u16), flags (u8: 1 no handler, 2 body too large),
/// headers length (u32), the headers as a UTF-8 JSON array <c>[name, value, …]</c>, then the body's raw bytes.</item>
/// </list>
/// Any other frame is a JSON object (its first byte <c>{</c>).
/// </summary>
internal static class RuntimeFrames
{
    private const byte Request = 0x01;
    private const byte Response = 0x02;
    private const byte NoHandlerFlag = 1;
    private const byte TooLargeFlag = 2;

    // One JSON writer per thread, reset onto each frame (a frame is written without an await).
    [ThreadStatic]
    private static Utf8JsonWriter? t_json;

    /// <summary>Writes the request frame's payload (after the length prefix) into <paramref name="output"/>.</summary>
    public static void WriteRequest(ArrayBufferWriter<byte> output, uint id, FunctionRequest request)
    {
        var head = output.GetSpan(9);
        head[0] = Request;
        BinaryPrimitives.WriteUInt32BigEndian(head[1..], id);
        output.Advance(9);
        var metadataStart = output.WrittenCount;
        var json = t_json ??= new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        json.Reset(output);
        json.WriteStartArray();
        json.WriteStringValue(request.File);
        json.WriteStartObject();
        foreach (var (name, value) in request.Params)
        {
            json.WritePropertyName(name);
            if (value is string[] rest)
            {
                json.WriteStartArray();
                foreach (var part in rest)
                {
                    json.WriteStringValue(part);
                }

                json.WriteEndArray();
            }
            else
            {
                json.WriteStringValue(value as string ?? value.ToString());
            }
        }

        json.WriteEndObject();
        json.WriteStringValue(request.Method);
        json.WriteStringValue(request.Url);
        json.WriteStartArray();
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                json.WriteStringValue(name);
                json.WriteStringValue(value ?? "");
            }
        }

        json.WriteEndArray();
        json.WriteEndArray();
        json.Flush();
        json.Reset(Stream.Null);
        // The metadata's length goes before it: the 4 bytes left free above, in the writer's current array.
        var written = MemoryMarshal.AsMemory(output.WrittenMemory).Span;
        BinaryPrimitives.WriteUInt32BigEndian(written[(metadataStart - 4)..], (uint)(output.WrittenCount - metadataStart));
        output.Write(request.Body.Span);
    }

    /// <summary>The frame whose payload (after the length prefix) is <paramref name="payload"/>.</summary>
    public static RuntimeFrame Read(ReadOnlySpan<byte> payload)
    {
        if (payload.Length > 0 && payload[0] == Response)
        {
            return ReadResponse(payload);
        }

        return new RuntimeFrame(JsonNode.Parse(payload) as JsonObject ?? throw new InvalidDataException("A frame from the runtime is not a JSON object."));
    }

    private static RuntimeFrame ReadResponse(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 12)
        {
            throw new InvalidDataException("A response frame from the runtime is cut short.");
        }

        var id = BinaryPrimitives.ReadUInt32BigEndian(payload[1..]);
        var status = BinaryPrimitives.ReadUInt16BigEndian(payload[5..]);
        var flags = payload[7];
        var headersLength = (int)BinaryPrimitives.ReadUInt32BigEndian(payload[8..]);
        if (headersLength > payload.Length - 12)
        {
            throw new InvalidDataException("A response frame from the runtime is cut short.");
        }

        var headers = new List<KeyValuePair<string, string>>();
        var reader = new Utf8JsonReader(payload.Slice(12, headersLength));
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            var name = reader.GetString()!;
            reader.Read();
            headers.Add(KeyValuePair.Create(name, reader.GetString() ?? ""));
        }

        var body = payload[(12 + headersLength)..].ToArray();
        var response = new FunctionResponse(status, headers, body, (flags & NoHandlerFlag) != 0, (flags & TooLargeFlag) != 0);
        return new RuntimeFrame(null, id, response);
    }
}
