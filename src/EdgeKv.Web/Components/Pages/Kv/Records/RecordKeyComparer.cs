using EdgeKv.Domain.Records;

namespace EdgeKv.Web.Components.Pages.Kv.Records;

/// <summary>Records are the same row when their keys are equal: a selection survives the reloads of a live list.</summary>
public sealed class RecordKeyComparer : IEqualityComparer<KvRecord>
{
    /// <summary>The one instance.</summary>
    public static RecordKeyComparer Instance { get; } = new();

    /// <inheritdoc />
    public bool Equals(KvRecord? x, KvRecord? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.Key.Equals(y.Key));

    /// <inheritdoc />
    public int GetHashCode(KvRecord obj) => obj.Key.GetHashCode();
}
