using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;

namespace EdgeKv.Api.KvConnect.V8;

/// <summary>
/// Writes JavaScript strings and JSON values in V8's value-serializer format (format version 15, the one Deno and
/// Node write), so text and JSON records written through the EdgeOne API or the console reach Deno clients as a JS
/// string or as the object <c>JSON.parse</c> would give. The output matches V8's own bytes for the same value:
/// integer keys first in ascending order, then string keys in insertion order; Smi-range integers as int32;
/// two-byte strings aligned with a padding tag. Values Deno itself wrote never pass through here: they are
/// returned untouched.
/// </summary>
internal sealed class V8ValueWriter
{
    private const byte FormatVersion = 15;
    private readonly List<byte> _buffer = [];

    private V8ValueWriter()
    {
        _buffer.Add(0xFF);
        _buffer.Add(FormatVersion);
    }

    /// <summary>The V8 serialization of the JS string <paramref name="text"/>.</summary>
    public static byte[] SerializeString(string text)
    {
        var writer = new V8ValueWriter();
        writer.WriteString(text);
        return [.. writer._buffer];
    }

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
        catch (JsonException)
        {
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

    private void WriteNumber(double value)
    {
        // V8 writes small integers as zigzag int32 and every other number, -0 included, as a double.
        if (value == Math.Floor(value) && value is >= int.MinValue and <= int.MaxValue && !(value == 0 && double.IsNegative(value)))
        {
            _buffer.Add((byte)'I');
            var integer = (int)value;
            WriteVarint((uint)((integer << 1) ^ (integer >> 31)));
            return;
        }

        _buffer.Add((byte)'N');
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
        _buffer.AddRange(bytes);
    }

    private void WriteString(string text)
    {
        if (text.All(c => c <= 0xFF))
        {
            _buffer.Add((byte)'"');
            WriteVarint((uint)text.Length);
            foreach (var c in text)
            {
                _buffer.Add((byte)c);
            }

            return;
        }

        var byteLength = (uint)text.Length * 2;
        if (((_buffer.Count + 1 + VarintLength(byteLength)) & 1) != 0)
        {
            _buffer.Add(0); // V8 aligns two-byte string data to an even offset
        }

        _buffer.Add((byte)'c');
        WriteVarint(byteLength);
        foreach (var c in text)
        {
            _buffer.Add((byte)c);
            _buffer.Add((byte)(c >> 8));
        }
    }

    private void WriteVarint(uint value)
    {
        while (value >= 0x80)
        {
            _buffer.Add((byte)(value | 0x80));
            value >>= 7;
        }

        _buffer.Add((byte)value);
    }

    private static int VarintLength(uint value)
    {
        var length = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            length++;
        }

        return length;
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
