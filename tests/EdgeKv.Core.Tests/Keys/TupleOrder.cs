using System.Numerics;
using System.Text;
using EdgeKv.Core.Keys;

namespace EdgeKv.Core.Tests.Keys;

/// <summary>
/// The order of Deno KV keys, written from its definition rather than from the encoding, as the oracle the
/// encoder is checked against: part by part; a key that is a prefix of another sorts first; kinds sort
/// bytes &lt; string &lt; bigint &lt; number &lt; false &lt; true; strings by UTF-8 bytes; numbers in IEEE total order
/// (-∞ &lt; … &lt; -0 &lt; 0 &lt; … &lt; ∞ &lt; NaN; every NaN is one, JavaScript's, whatever its sign).
/// </summary>
internal static class TupleOrder
{
    public static int Compare(KvKey a, KvKey b)
    {
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            var byPart = ComparePart(a[i], b[i]);
            if (byPart != 0)
            {
                return byPart;
            }
        }

        return a.Count.CompareTo(b.Count);
    }

    private static int ComparePart(KvKeyPart a, KvKeyPart b)
    {
        var byKind = Rank(a).CompareTo(Rank(b));
        if (byKind != 0)
        {
            return byKind;
        }

        return a.Kind switch
        {
            KvKeyPartKind.Bytes => ((byte[])a.Value).AsSpan().SequenceCompareTo((byte[])b.Value),
            KvKeyPartKind.String => Encoding.UTF8.GetBytes((string)a.Value).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes((string)b.Value)),
            KvKeyPartKind.BigInt => ((BigInteger)a.Value).CompareTo((BigInteger)b.Value),
            KvKeyPartKind.Number => TotalOrder((double)a.Value).CompareTo(TotalOrder((double)b.Value)),
            _ => 0, // booleans: already ranked false < true
        };
    }

    // false and true rank separately, after numbers.
    private static int Rank(KvKeyPart part) => part.Kind switch
    {
        KvKeyPartKind.Boolean => (bool)part.Value ? 6 : 5,
        _ => (int)part.Kind,
    };

    // IEEE 754 totalOrder as a signed integer: negative numbers (sign bit set) reverse their magnitude order.
    private static long TotalOrder(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        return bits < 0 ? long.MinValue - bits - 1 : bits;
    }
}
