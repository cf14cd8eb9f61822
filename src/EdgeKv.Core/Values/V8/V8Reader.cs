using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace EdgeKv.Core.Values.V8;

/// <summary>
/// Reads the V8 value-serializer format that Deno KV stores values in (header 0xFF + version, then one tagged
/// value), to show values and to name the type of a sum's V8 operand: values are never re-encoded, the stored
/// bytes stay untouched. Tags and layouts are those of V8's ValueSerializer. Anything it does not know (host
/// objects, wasm, errors) fails the read, and the caller shows the bytes instead.
/// </summary>
internal ref struct V8Reader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly List<object?> _objects = [];
    private int _position;

    private V8Reader(ReadOnlySpan<byte> data) => _data = data;

    /// <summary>The value, or false when the bytes are not a V8 value this reader understands.</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out object? value)
    {
        var reader = new V8Reader(data);
        try
        {
            value = reader.ReadEnvelope();
            return true;
        }
        catch (FormatException)
        {
            value = null;
            return false;
        }
    }

    private object? ReadEnvelope()
    {
        if (ReadByte() != 0xFF)
        {
            throw new FormatException("no V8 header");
        }

        ReadVarint(); // format version: the tags read here are stable across the versions Deno writes
        var value = ReadValue();
        if (_position != _data.Length)
        {
            throw new FormatException("trailing bytes");
        }

        return value;
    }

    private object? ReadValue()
    {
        var tag = (char)ReadByte();
        while (tag == '\0')
        {
            tag = (char)ReadByte(); // padding before aligned two-byte strings
        }

        return tag switch
        {
            '_' => V8Undefined.Value,
            '-' => V8Undefined.Value,
            '0' => null,
            'T' => true,
            'F' => false,
            'I' => (double)ZigZag(ReadVarint()),
            'U' => (double)(uint)ReadVarint(),
            'N' => ReadDouble(),
            'Z' => ReadBigInt(),
            '"' => Encoding.Latin1.GetString(ReadBytes((int)ReadVarint())),
            'c' => Encoding.Unicode.GetString(ReadBytes((int)ReadVarint())),
            'S' => Encoding.UTF8.GetString(ReadBytes((int)ReadVarint())),
            '^' => ReadReference(),
            'o' => ReadObject(),
            'A' => ReadDenseArray(),
            'a' => ReadSparseArray(),
            'D' => Remember(DateTimeOffset.UnixEpoch.AddMilliseconds(ReadDouble())),
            ';' => ReadMap(),
            '\'' => ReadSet(),
            'R' => ReadRegExp(),
            'B' => ReadArrayBuffer(),
            'y' => Remember(new V8Boxed(true)),
            'x' => Remember(new V8Boxed(false)),
            'n' => Remember(new V8Boxed(ReadDouble())),
            'z' => Remember(new V8Boxed(ReadBigInt())),
            's' => Remember(new V8Boxed(ReadValue())),
            _ => throw new FormatException($"unsupported tag '{tag}'"),
        };
    }

    private V8Object ReadObject()
    {
        var result = Remember(new V8Object([]));
        ReadProperties(result.Properties, '{');
        return result;
    }

    private V8Array ReadDenseArray()
    {
        var length = (int)ReadVarint();
        var result = Remember(new V8Array(new List<object?>(Math.Min(length, 1024))));
        for (var i = 0; i < length; i++)
        {
            result.Elements.Add(ReadValue());
        }

        ReadArrayTail(result, '$');
        return result;
    }

    private V8Array ReadSparseArray()
    {
        var length = (int)ReadVarint();
        var result = Remember(new V8Array([.. Enumerable.Repeat<object?>(V8Undefined.Value, Math.Min(length, 1 << 16))]));
        ReadArrayTail(result, '@');
        return result;
    }

    // Indexed properties land in the elements; named ones are kept as trailing "name: value" pairs.
    private void ReadArrayTail(V8Array array, char endTag)
    {
        var named = new List<KeyValuePair<string, object?>>();
        ReadProperties(named, endTag);
        ReadVarint(); // length again
        foreach (var (name, value) in named)
        {
            if (int.TryParse(name, out var index) && index >= 0 && index < array.Elements.Count)
            {
                array.Elements[index] = value;
            }
            else
            {
                array.Elements.Add(new V8Object([new(name, value)]));
            }
        }
    }

    private void ReadProperties(List<KeyValuePair<string, object?>> properties, char endTag)
    {
        while (PeekTag() != endTag)
        {
            var key = ReadValue();
            properties.Add(new(key switch
            {
                string text => text,
                double number => Keys.KvKeyFormatter.FormatNumber(number),
                _ => throw new FormatException("bad property key"),
            }, ReadValue()));
        }

        _position++;
        ReadVarint(); // property count
    }

    private V8Map ReadMap()
    {
        var result = Remember(new V8Map([]));
        while (PeekTag() != ':')
        {
            result.Entries.Add(new(ReadValue(), ReadValue()));
        }

        _position++;
        ReadVarint();
        return result;
    }

    private V8Set ReadSet()
    {
        var result = Remember(new V8Set([]));
        while (PeekTag() != ',')
        {
            result.Members.Add(ReadValue());
        }

        _position++;
        ReadVarint();
        return result;
    }

    private V8RegExp ReadRegExp()
    {
        var pattern = ReadValue() as string ?? throw new FormatException("bad regexp");
        var bits = ReadVarint();
        var flags = string.Concat("dgimsuyv".Where((_, i) => (bits & (1UL << FlagBit(i))) != 0));
        return Remember(new V8RegExp(pattern, flags));
    }

    // V8's flag bits: g=0, i=1, m=2, y=3, u=4, s=5, d=6 (hasIndices), v=8 (unicodeSets).
    private static int FlagBit(int letterIndex) => "dgimsuyv"[letterIndex] switch
    {
        'g' => 0, 'i' => 1, 'm' => 2, 'y' => 3, 'u' => 4, 's' => 5, 'd' => 6, _ => 8,
    };

    private object ReadArrayBuffer()
    {
        var buffer = Remember(new V8Bytes(ReadBytes((int)ReadVarint()).ToArray(), null));
        if (_position >= _data.Length || _data[_position] != 'V')
        {
            return buffer;
        }

        _position++;
        var kind = (char)ReadByte();
        var offset = (int)ReadVarint();
        var length = (int)ReadVarint();
        if (_position < _data.Length && _data[_position] <= 0x0F)
        {
            ReadVarint(); // view flags (format version 14+)
        }

        var slice = buffer.Bytes.AsSpan().Slice(offset, length).ToArray();
        return Remember(new V8Bytes(slice, ViewName(kind)));
    }

    private static string ViewName(char kind) => kind switch
    {
        'b' => "Int8Array", 'B' => "Uint8Array", 'C' => "Uint8ClampedArray", 'w' => "Int16Array", 'W' => "Uint16Array",
        'd' => "Int32Array", 'D' => "Uint32Array", 'h' => "Float16Array", 'f' => "Float32Array", 'F' => "Float64Array",
        'q' => "BigInt64Array", 'Q' => "BigUint64Array", '?' => "DataView", _ => throw new FormatException("bad view"),
    };

    private object? ReadReference()
    {
        var id = (int)ReadVarint();
        return id < _objects.Count ? _objects[id] : throw new FormatException("bad reference");
    }

    private T Remember<T>(T value)
    {
        _objects.Add(value);
        return value;
    }

    private BigInteger ReadBigInt()
    {
        var bitfield = ReadVarint();
        var magnitude = new BigInteger(ReadBytes((int)(bitfield >> 1)), isUnsigned: true, isBigEndian: false);
        return (bitfield & 1) == 1 ? -magnitude : magnitude;
    }

    private double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(ReadBytes(8));

    private static long ZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    private ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = ReadByte();
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new FormatException("varint too long");
    }

    private char PeekTag()
    {
        while (_position < _data.Length && _data[_position] == 0)
        {
            _position++;
        }

        return _position < _data.Length ? (char)_data[_position] : throw new FormatException("truncated");
    }

    private byte ReadByte() => _position < _data.Length ? _data[_position++] : throw new FormatException("truncated");

    private ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (count < 0 || _position + count > _data.Length)
        {
            throw new FormatException("truncated");
        }

        var bytes = _data.Slice(_position, count);
        _position += count;
        return bytes;
    }
}
