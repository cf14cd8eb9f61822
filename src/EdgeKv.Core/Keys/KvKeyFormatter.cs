using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace EdgeKv.Core.Keys;

/// <summary>Prints keys the way Deno prints them, for the console and error messages.</summary>
internal static class KvKeyFormatter
{
    public static string Format(KvKey key) => "[" + string.Join(", ", key.Select(FormatPart)) + "]";

    public static string FormatPart(KvKeyPart part) => part.Kind switch
    {
        KvKeyPartKind.String => JsonSerializer.Serialize((string)part.RawValue),
        KvKeyPartKind.BigInt => ((BigInteger)part.RawValue).ToString(CultureInfo.InvariantCulture) + "n",
        KvKeyPartKind.Number => FormatNumber((double)part.RawValue),
        KvKeyPartKind.Boolean => (bool)part.RawValue ? "true" : "false",
        KvKeyPartKind.Bytes => $"Uint8Array({part.BytesSpan.Length}) [{string.Join(", ", part.BytesSpan.ToArray())}]",
        _ => throw new InvalidOperationException($"Unknown key part kind {part.Kind}."),
    };

    /// <summary>A JavaScript number as Deno prints it (Infinity, NaN, -0, shortest round-trip digits).</summary>
    public static string FormatNumber(double value) => value switch
    {
        double.PositiveInfinity => "Infinity",
        double.NegativeInfinity => "-Infinity",
        _ when double.IsNaN(value) => "NaN",
        0 when double.IsNegative(value) => "-0",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
