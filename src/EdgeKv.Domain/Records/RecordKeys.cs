using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Domain.Errors;

namespace EdgeKv.Domain.Records;

/// <summary>
/// The EdgeOne-style string keys of the console: a string key <c>k</c> is the one-part tuple key <c>["k"]</c>, and a
/// string prefix is a range of such keys (tuple strings order by their UTF-8 bytes, so a prefix is a contiguous range).
/// The rules are <see cref="StringKeyModel"/>'s; this class gives them the console's error.
/// </summary>
public static class RecordKeys
{
    /// <summary>The tuple key of string key <paramref name="key"/>; throws <see cref="DomainErrors.InvalidRecordKey"/> unless it has 1..512 UTF-8 bytes.</summary>
    public static KvKey FromString(string? key) =>
        StringKeyModel.IsValidKey(key) ? StringKeyModel.ToTupleKey(key) : throw DomainErrors.InvalidRecordKey.ToException();

    /// <summary>The string of a one-part string key; null for any other key.</summary>
    public static string? ToStringKey(KvKey key) => KvStringKeys.TryGetString(key, out var value) ? value : null;

    /// <summary>
    /// Every record for an empty prefix; otherwise the string keys starting with <paramref name="prefix"/>
    /// (<see cref="KvStringKeys.PrefixRange"/>). Tuple keys whose first part is such a string fall in the same range
    /// (Deno clients' keys), as they would in a byte-range scan.
    /// </summary>
    public static KvListSelector PrefixSelector(string? prefix) =>
        string.IsNullOrEmpty(prefix) ? KvListSelector.WithPrefix(KvKey.Empty) : KvStringKeys.PrefixRange(prefix);
}
