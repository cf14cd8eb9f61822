using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace EdgeKv.Core.Keys;

/// <summary>
/// The FoundationDB tuple-layer encoding of keys, restricted to the part types Deno KV uses and byte-for-byte
/// equal to Deno's. The facts (type codes, escaping, integer and double layouts) are those of the tuple layer:
/// <list type="bullet">
/// <item>bytes 0x01 and strings 0x02 (UTF-8): content with every 0x00 written as 0x00 0xFF, then a 0x00 end;</item>
/// <item>integers: 0x14 is zero; 0x14±n is a positive/negative integer of n ≤ 8 big-endian bytes (negative ones in
/// ones' complement); 0x1D/0x0B followed by a length byte (inverted for negatives) for longer ones;</item>
/// <item>doubles 0x21: 8 big-endian bytes, all bits flipped when negative, else just the sign bit;</item>
/// <item>false 0x26, true 0x27.</item>
/// </list>
/// The byte order of encodings is the key order.
/// </summary>
internal static class KeyCodec
{
    private const byte BytesCode = 0x01;
    private const byte StringCode = 0x02;
    private const byte NegativeIntStart = 0x0B;
    private const byte IntZero = 0x14;
    private const byte PositiveIntEnd = 0x1D;
    private const byte DoubleCode = 0x21;
    private const byte FalseCode = 0x26;
    private const byte TrueCode = 0x27;
    private const byte Escape = 0xFF;
    private const int MaxShortIntBytes = 8;

    public static byte[] Encode(KvKey key)
    {
        var output = new List<byte>(32);
        foreach (var part in key)
        {
            EncodePart(output, part);
        }

        return [.. output];
    }

    public static KvKey Decode(ReadOnlySpan<byte> input)
    {
        var parts = new List<KvKeyPart>();
        while (!input.IsEmpty)
        {
            var code = input[0];
            input = input[1..];
            parts.Add(code switch
            {
                BytesCode => KvKeyPart.FromBytes(ReadEscaped(ref input)),
                StringCode => KvKeyPart.FromString(DecodeUtf8(ReadEscaped(ref input))),
                >= NegativeIntStart and <= PositiveIntEnd => KvKeyPart.FromBigInt(ReadInteger(ref input, code)),
                DoubleCode => KvKeyPart.FromNumber(ReadDouble(ref input)),
                FalseCode => KvKeyPart.FromBoolean(false),
                TrueCode => KvKeyPart.FromBoolean(true),
                _ => throw Invalid(),
            });
        }

        return new KvKey(parts);
    }

    private static void EncodePart(List<byte> output, KvKeyPart part)
    {
        switch (part.Kind)
        {
            case KvKeyPartKind.Bytes:
                output.Add(BytesCode);
                WriteEscaped(output, part.BytesSpan);
                break;
            case KvKeyPartKind.String:
                output.Add(StringCode);
                WriteEscaped(output, Encoding.UTF8.GetBytes((string)part.RawValue));
                break;
            case KvKeyPartKind.BigInt:
                WriteInteger(output, (BigInteger)part.RawValue);
                break;
            case KvKeyPartKind.Number:
                WriteDouble(output, (double)part.RawValue);
                break;
            case KvKeyPartKind.Boolean:
                output.Add((bool)part.RawValue ? TrueCode : FalseCode);
                break;
            default:
                throw new InvalidOperationException($"Unknown key part kind {part.Kind}.");
        }
    }

    private static void WriteEscaped(List<byte> output, ReadOnlySpan<byte> content)
    {
        foreach (var b in content)
        {
            output.Add(b);
            if (b == 0x00)
            {
                output.Add(Escape);
            }
        }

        output.Add(0x00);
    }

    private static byte[] ReadEscaped(ref ReadOnlySpan<byte> input)
    {
        var content = new List<byte>();
        var i = 0;
        while (i < input.Length)
        {
            var b = input[i++];
            if (b != 0x00)
            {
                content.Add(b);
            }
            else if (i < input.Length && input[i] == Escape)
            {
                content.Add(0x00);
                i++;
            }
            else
            {
                input = input[i..];
                return [.. content];
            }
        }

        throw Invalid();
    }

    private static void WriteInteger(List<byte> output, BigInteger value)
    {
        if (value.IsZero)
        {
            output.Add(IntZero);
            return;
        }

        var magnitude = BigInteger.Abs(value).ToByteArray(isUnsigned: true, isBigEndian: true);
        var n = magnitude.Length;
        if (n > byte.MaxValue)
        {
            throw new KvException(KvErrorCode.BigIntTooLarge);
        }

        if (value.Sign > 0)
        {
            output.AddRange(n <= MaxShortIntBytes ? [(byte)(IntZero + n)] : [PositiveIntEnd, (byte)n]);
            output.AddRange(magnitude);
            return;
        }

        output.AddRange(n <= MaxShortIntBytes ? [(byte)(IntZero - n)] : [NegativeIntStart, (byte)(n ^ 0xFF)]);
        foreach (var b in magnitude)
        {
            output.Add((byte)~b);
        }
    }

    private static BigInteger ReadInteger(ref ReadOnlySpan<byte> input, byte code)
    {
        var negative = code < IntZero;
        int n;
        if (code is NegativeIntStart or PositiveIntEnd)
        {
            var lengthByte = Take(ref input, 1)[0];
            n = negative ? lengthByte ^ 0xFF : lengthByte;
        }
        else
        {
            n = Math.Abs(code - IntZero);
        }

        var bytes = Take(ref input, n).ToArray();
        if (negative)
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)~bytes[i];
            }
        }

        var magnitude = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        return negative ? -magnitude : magnitude;
    }

    private static void WriteDouble(List<byte> output, double value)
    {
        // Any NaN is already JavaScript's (KvKeyPart.FromNumber), so it writes Deno's NaN: 21 FF F8 00 … 00.
        var bits = (ulong)BitConverter.DoubleToInt64Bits(value);
        bits = double.IsNegative(value) ? ~bits : bits ^ 0x8000_0000_0000_0000UL;
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(buffer, bits);
        output.Add(DoubleCode);
        output.AddRange(buffer);
    }

    private static double ReadDouble(ref ReadOnlySpan<byte> input)
    {
        var bits = BinaryPrimitives.ReadUInt64BigEndian(Take(ref input, 8));
        bits = (bits & 0x8000_0000_0000_0000UL) == 0 ? ~bits : bits ^ 0x8000_0000_0000_0000UL;
        return BitConverter.Int64BitsToDouble((long)bits);
    }

    private static ReadOnlySpan<byte> Take(ref ReadOnlySpan<byte> input, int count)
    {
        if (input.Length < count)
        {
            throw Invalid();
        }

        var taken = input[..count];
        input = input[count..];
        return taken;
    }

    private static string DecodeUtf8(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Invalid();
        }
    }

    private static KvException Invalid() => new(KvErrorCode.InvalidEncodedKey);
}
