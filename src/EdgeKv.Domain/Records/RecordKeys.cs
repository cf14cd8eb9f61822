using System.Numerics;
using System.Text;
using EdgeKv.Core;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Domain.Errors;

namespace EdgeKv.Domain.Records;

/// <summary>
/// The EdgeOne-style string keys of the console: a string key <c>k</c> is the one-part tuple key <c>["k"]</c>, and a
/// string prefix is a range of such keys (tuple strings order by their UTF-8 bytes, so a prefix is a contiguous range).
/// </summary>
public static class RecordKeys
{
    /// <summary>The tuple key of string key <paramref name="key"/>; throws <see cref="DomainErrors.InvalidRecordKey"/> unless it has 1..512 UTF-8 bytes.</summary>
    public static KvKey FromString(string? key) =>
        key is { Length: > 0 } && Encoding.UTF8.GetByteCount(key) <= KvLimits.MaxEdgeOneKeyBytes
            ? KvKey.Of(KvKeyPart.FromString(key))
            : throw DomainErrors.InvalidRecordKey.ToException();

    /// <summary>The string of a one-part string key; null for any other key.</summary>
    public static string? ToStringKey(KvKey key) =>
        key.Count == 1 && key[0].Kind == KvKeyPartKind.String ? (string)key[0].Value : null;

    /// <summary>
    /// Every record for an empty prefix; otherwise the string keys starting with <paramref name="prefix"/>: from
    /// <c>[prefix]</c> up to (not including) <c>[prefix with its last character incremented]</c>. Tuple keys whose
    /// first part is such a string fall in the same range (Deno clients' keys), as they would in a byte-range scan.
    /// </summary>
    public static KvListSelector PrefixSelector(string? prefix)
    {
        if (string.IsNullOrEmpty(prefix))
        {
            return KvListSelector.WithPrefix(KvKey.Empty);
        }

        var start = KvKey.Of(KvKeyPart.FromString(prefix));
        var next = IncrementLastCharacter(prefix);

        // A prefix of only U+10FFFF has no successor string: everything after it that is a string starts with it,
        // so the range ends at the first non-string kind (bigint sorts right after strings).
        var end = next is null ? KvKey.Of(KvKeyPart.FromBigInt(BigInteger.Zero)) : KvKey.Of(KvKeyPart.FromString(next));
        return KvListSelector.Range(start, end);
    }

    // The smallest string greater than every string that starts with `prefix`: UTF-8 order is code point order.
    private static string? IncrementLastCharacter(string prefix)
    {
        var runes = prefix.EnumerateRunes().ToList();
        while (runes.Count > 0 && runes[^1].Value == 0x10FFFF)
        {
            runes.RemoveAt(runes.Count - 1);
        }

        if (runes.Count == 0)
        {
            return null;
        }

        var value = runes[^1].Value + 1;
        runes[^1] = new Rune(value == 0xD800 ? 0xE000 : value);
        var builder = new StringBuilder();
        foreach (var rune in runes)
        {
            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }
}
