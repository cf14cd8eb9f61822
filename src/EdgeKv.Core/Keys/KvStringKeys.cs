using System.Numerics;
using EdgeKv.Core.Store;

namespace EdgeKv.Core.Keys;

/// <summary>
/// EdgeOne's string keys over tuple keys: a string key <c>k</c> is the one-part tuple key <c>["k"]</c>. Tuple strings
/// order by their UTF-8 bytes, so the string keys starting with a prefix form one contiguous range of tuple keys; the
/// EdgeOne API, the HTTP API and the console all list a string prefix through <see cref="PrefixRange"/>.
/// </summary>
public static class KvStringKeys
{
    /// <summary>The string of a one-part string key; false for every other key (Deno clients may write any tuple).</summary>
    public static bool TryGetString(KvKey key, out string value)
    {
        var isString = key.Count == 1 && key[0].Kind == KvKeyPartKind.String;
        value = isString ? (string)key[0].Value : "";
        return isString;
    }

    /// <summary>
    /// From <c>[prefix]</c> up to <see cref="EndOfPrefix"/>: every string key starting with <paramref name="prefix"/>
    /// ("a" matches "abc"), and every tuple whose first part is such a string (skip those with
    /// <see cref="TryGetString"/> where only string keys count).
    /// </summary>
    public static KvListSelector PrefixRange(string prefix) => KvListSelector.Range(KvKey.Of(prefix), EndOfPrefix(prefix));

    /// <summary>
    /// The smallest key after every string key starting with <paramref name="prefix"/>: the prefix with its last code
    /// point incremented (UTF-8 byte order is code point order; a surrogate is skipped). A prefix of only U+10FFFF (or
    /// none) has no such string, so the end is the first key after all string keys, the integer zero.
    /// </summary>
    public static KvKey EndOfPrefix(string prefix)
    {
        var codePoints = prefix.EnumerateRunes().Select(r => r.Value).ToList();
        while (codePoints.Count > 0 && codePoints[^1] == 0x10FFFF)
        {
            codePoints.RemoveAt(codePoints.Count - 1);
        }

        if (codePoints.Count == 0)
        {
            return KvKey.Of(BigInteger.Zero);
        }

        var next = codePoints[^1] + 1;
        codePoints[^1] = next is >= 0xD800 and <= 0xDFFF ? 0xE000 : next;
        return KvKey.Of(string.Concat(codePoints.Select(char.ConvertFromUtf32)));
    }
}
