using EdgeKv.Core.Store;

namespace EdgeKv.Core.Keys;

/// <summary>A page of <see cref="StringKeyModel.ListAsync"/>: the entries, and the next page's first key (null when complete).</summary>
public sealed record StringKeyPage(IReadOnlyList<StringKeyEntry> Entries, string? Next);

/// <summary>A listed string key with its entry.</summary>
public sealed record StringKeyEntry(string Key, KvEntry Entry);
