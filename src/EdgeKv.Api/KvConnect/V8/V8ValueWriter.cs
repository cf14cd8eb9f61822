using System.Buffers.Binary;

namespace EdgeKv.Api.KvConnect.V8;

/// <summary>
/// Writes JavaScript strings and JSON values in V8's value-serializer format (format version 15, the one Deno and
/// Node write), so text and JSON records written through the EdgeOne API or the console reach Deno clients as a JS
/// string or as the object <c>JSON.parse</c> would give. The output matches V8's own bytes for the same value:
/// integer keys first in ascending order, then string keys in insertion order; Smi-range integers as int32;
/// two-byte strings aligned with a padding tag. Values Deno itself wrote never pass through here: they are
/// returned untouched.
/// </summary>
internal sealed partial class V8ValueWriter
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
}
