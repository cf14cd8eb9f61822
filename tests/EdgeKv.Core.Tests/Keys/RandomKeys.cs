using System.Numerics;
using EdgeKv.Core.Keys;

namespace EdgeKv.Core.Tests.Keys;

/// <summary>Random keys that lean on the edge cases: zero bytes, shared prefixes, ±0.0, NaN, long integers.</summary>
internal static class RandomKeys
{
    private static readonly double[] SpecialNumbers =
        [0.0, -0.0, double.NaN, -double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, -double.Epsilon, 1, -1];

    public static KvKey Key(Random random) => new(Enumerable.Range(0, random.Next(1, 5)).Select(_ => Part(random)));

    /// <summary>A key close to <paramref name="key"/>: one part changed, a part added, or a part dropped.</summary>
    public static KvKey Mutate(Random random, KvKey key)
    {
        var parts = key.ToList();
        switch (random.Next(3))
        {
            case 0:
                parts[random.Next(parts.Count)] = Part(random);
                break;
            case 1:
                parts.Add(Part(random));
                break;
            default:
                if (parts.Count > 1)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                break;
        }

        return new KvKey(parts);
    }

    public static KvKeyPart Part(Random random) => random.Next(6) switch
    {
        0 => KvKeyPart.FromBytes(Bytes(random)),
        1 => KvKeyPart.FromString(Text(random)),
        2 => KvKeyPart.FromBigInt(Integer(random)),
        3 => KvKeyPart.FromNumber(random.Next(3) == 0 ? SpecialNumbers[random.Next(SpecialNumbers.Length)] : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-5, 20))),
        _ => KvKeyPart.FromBoolean(random.Next(2) == 0),
    };

    private static byte[] Bytes(Random random)
    {
        var bytes = new byte[random.Next(0, 6)];
        for (var i = 0; i < bytes.Length; i++)
        {
            // Zeros and 0xFF often, to exercise the escape.
            bytes[i] = random.Next(3) switch { 0 => 0x00, 1 => 0xFF, _ => (byte)random.Next(256) };
        }

        return bytes;
    }

    private static string Text(Random random)
    {
        string[] alphabet = ["a", "b", "\0", "é", "中", "\U0001F600", "\uE000", "z"];
        return string.Concat(Enumerable.Range(0, random.Next(0, 5)).Select(_ => alphabet[random.Next(alphabet.Length)]));
    }

    private static BigInteger Integer(Random random)
    {
        var magnitude = new BigInteger(random.NextInt64()) * (random.Next(3) == 0 ? BigInteger.Pow(2, random.Next(0, 200)) : 1)
            >> random.Next(0, 60);
        return random.Next(2) == 0 ? magnitude : -magnitude;
    }
}
