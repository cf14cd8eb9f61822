using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Domain.Authorization;

namespace EdgeKv.Domain.Records;

public sealed partial class RecordService
{
    /// <summary>
    /// How many records start with <paramref name="prefix"/> (every record for an empty one), counted by the engine
    /// without reading values: tens of milliseconds for 100,000 keys.
    /// </summary>
    public async Task<RecordCount> CountAsync(Caller caller, int namespaceId, string? prefix, CancellationToken cancellationToken = default)
    {
        var store = await OpenForReadAsync(caller, namespaceId, cancellationToken);
        var positions = await EngineAsync(() => store.CountAsync(RecordKeys.PrefixSelector(prefix), cancellationToken));

        // Only the unfiltered list reaches the metadata companions (they sort before every string key).
        var companions = string.IsNullOrEmpty(prefix)
            ? await EngineAsync(() => store.CountAsync(KvListSelector.WithPrefix(KvKey.Of(KvMetadataKeys.Space)), cancellationToken))
            : 0;
        return new RecordCount(positions - companions, positions);
    }
}
