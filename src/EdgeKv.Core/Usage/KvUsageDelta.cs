namespace EdgeKv.Core.Usage;

/// <summary>What one store did between two drains of its <see cref="KvUsageMeter"/>.</summary>
/// <param name="StoreId">The store (namespace) id.</param>
/// <param name="Reads">Keys read by get and get-many (one per key asked).</param>
/// <param name="Lists">List pages read.</param>
/// <param name="Writes">Set, sum, min and max mutations committed.</param>
/// <param name="Deletes">Delete mutations committed that removed a key (a delete of an absent key removes nothing and is not counted).</param>
/// <param name="BytesWritten">Bytes of keys and values the committed writes stored.</param>
public readonly record struct KvUsageDelta(string StoreId, long Reads, long Lists, long Writes, long Deletes, long BytesWritten)
{
    /// <summary>True when nothing was counted.</summary>
    public bool IsEmpty => Reads == 0 && Lists == 0 && Writes == 0 && Deletes == 0 && BytesWritten == 0;
}
