using EdgeKv.Core;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Values;

namespace EdgeKv.Domain.Records;

/// <summary>
/// One record of a namespace as the console shows it. Records written through the EdgeOne-style API have a one-part
/// string key (<see cref="StringKey"/>); records written by Deno clients may have any tuple key, shown in Deno's
/// notation (<see cref="DisplayKey"/>).
/// </summary>
/// <param name="Key">The tuple key.</param>
/// <param name="Value">The stored value and its encoding.</param>
/// <param name="Versionstamp">The versionstamp of the commit that wrote it.</param>
/// <param name="ExpiresAt">When it expires, if written with an expiry.</param>
public sealed record KvRecord(KvKey Key, KvValue Value, Versionstamp Versionstamp, DateTimeOffset? ExpiresAt)
{
    /// <summary>The string key when the key is one string part; otherwise null.</summary>
    public string? StringKey => RecordKeys.ToStringKey(Key);

    /// <summary>The string key, or the tuple key as Deno prints it (<c>["users", 42n]</c>).</summary>
    public string DisplayKey => StringKey ?? Key.ToString();

    /// <summary>Bytes of the value.</summary>
    public int ValueBytes => Value.Data.Length;
}
