using System.Globalization;
using System.Text.Json;

namespace EdgeKv.Api.KvConnect.V8;

/// <content>JSON text, written as the value <c>JSON.parse</c> gives.</content>
internal sealed partial class V8ValueWriter
{
    /// <summary>The V8 serialization of the value <c>JSON.parse(json)</c> gives; false when the text is not JSON.</summary>
    public static bool TrySerializeJson(string json, out byte[] serialized)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var writer = new V8ValueWriter();
            writer.WriteJson(document.RootElement);
            serialized = [.. writer._buffer];
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON, or a string .NET cannot decode (a lone surrogate escape): the caller sends the text instead.
            serialized = [];
            return false;
        }
    }

    private void WriteJson(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(element);
                break;
            case JsonValueKind.Array:
                WriteArray(element);
                break;
            case JsonValueKind.String:
                WriteString(element.GetString()!);
                break;
            case JsonValueKind.Number:
                // Past double's range JSON.parse gives ±Infinity, and so does double.Parse.
                WriteNumber(element.TryGetDouble(out var number) ? number : double.Parse(element.GetRawText(), CultureInfo.InvariantCulture));
                break;
            case JsonValueKind.True:
                _buffer.Add((byte)'T');
                break;
            case JsonValueKind.False:
                _buffer.Add((byte)'F');
                break;
            default:
                _buffer.Add((byte)'0'); // null
                break;
        }
    }

    private void WriteObject(JsonElement element)
    {
        // JS property order: array-index keys ascending, then the others in first-seen order; a repeated key keeps
        // its first position and its last value, as JSON.parse does.
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var property in element.EnumerateObject())
        {
            if (values.TryAdd(property.Name, property.Value))
            {
                order.Add(property.Name);
            }
            else
            {
                values[property.Name] = property.Value;
            }
        }

        var indexKeys = order.Where(k => TryParseArrayIndex(k, out _)).OrderBy(k => uint.Parse(k, CultureInfo.InvariantCulture));
        var keys = indexKeys.Concat(order.Where(k => !TryParseArrayIndex(k, out _))).ToList();

        _buffer.Add((byte)'o');
        foreach (var key in keys)
        {
            if (TryParseArrayIndex(key, out var index))
            {
                WriteNumber(index);
            }
            else
            {
                WriteString(key);
            }

            WriteJson(values[key]);
        }

        _buffer.Add((byte)'{');
        WriteVarint((uint)keys.Count);
    }

    private void WriteArray(JsonElement element)
    {
        var length = (uint)element.GetArrayLength();
        _buffer.Add((byte)'A');
        WriteVarint(length);
        foreach (var item in element.EnumerateArray())
        {
            WriteJson(item);
        }

        _buffer.Add((byte)'$');
        WriteVarint(0); // no named properties besides the elements
        WriteVarint(length);
    }

    /// <summary>A canonical array index: "0", or digits without a leading zero, at most 2^32 - 2.</summary>
    private static bool TryParseArrayIndex(string key, out uint index)
    {
        index = 0;
        if (key.Length == 0 || key.Length > 10 || (key.Length > 1 && key[0] == '0') || !key.All(char.IsAsciiDigit))
        {
            return false;
        }

        return uint.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out index) && index != uint.MaxValue;
    }
}
