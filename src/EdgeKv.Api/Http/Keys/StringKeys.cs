using System.Numerics;
using System.Text;
using EdgeKv.Core;
using EdgeKv.Core.EdgeOne;
using EdgeKv.Core.Keys;

namespace EdgeKv.Api.Http.Keys;

/// <summary>
/// The HTTP API's keys are EdgeOne's string keys: a string <c>k</c> of 1..512 UTF-8 bytes is the one-part tuple key
/// <c>["k"]</c>, so a record is the same through this API, the EdgeOne API, Deno clients and the console.
/// </summary>
internal static class StringKeys
{
    /// <summary>The tuple key of <paramref name="key"/>; throws the engine's <see cref="KvErrors.EdgeOneKeyLength"/>.</summary>
    public static KvKey ToTupleKey(string key) => EdgeOneKv.ToTupleKey(key);

    /// <summary>The string of a one-part string key; false for every other key (Deno clients may write any tuple).</summary>
    public static bool TryGetString(KvKey key, out string value)
    {
        value = "";
        if (key.Count != 1 || key[0].Kind != KvKeyPartKind.String)
        {
            return false;
        }

        value = (string)key[0].Value;
        return true;
    }

    /// <summary>
    /// The smallest key after every string key starting with <paramref name="prefix"/>: the prefix with its last code
    /// point incremented (UTF-8 byte order is code point order). A prefix of only U+10FFFF (or none) has no such string,
    /// so the end is the first key after all string keys, the integer zero. (The same bound the engine's EdgeOne list
    /// uses, which keeps it private.)
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

    /// <summary>A list prefix: at most as long as a key (<see cref="KvHttpErrors.PrefixTooLong"/>).</summary>
    public static string ValidatePrefix(string? prefix)
    {
        prefix ??= "";
        return Encoding.UTF8.GetByteCount(prefix) > KvLimits.MaxEdgeOneKeyBytes
            ? throw KvHttpRequestException.BadRequest(KvHttpErrors.PrefixTooLong)
            : prefix;
    }
}
