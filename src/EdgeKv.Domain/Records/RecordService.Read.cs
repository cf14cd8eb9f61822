using EdgeKv.Core;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Errors;

namespace EdgeKv.Domain.Records;

public sealed partial class RecordService
{
    /// <summary>
    /// One page of records in key order, optionally only string keys with a prefix (EdgeOne's <c>list</c>), from a
    /// cursor or from a position (<see cref="RecordQuery.Skip"/>).
    /// </summary>
    public async Task<RecordPage> ListAsync(Caller caller, int namespaceId, RecordQuery query, CancellationToken cancellationToken = default)
    {
        if (query.Limit is < 1 or > KvLimits.MaxEdgeOneListLimit)
        {
            throw DomainErrors.InvalidListLimit.ToException();
        }

        ArgumentOutOfRangeException.ThrowIfNegative(query.Skip);
        var store = await OpenForReadAsync(caller, namespaceId, cancellationToken);
        var selector = RecordKeys.PrefixSelector(query.Prefix);
        var cursor = string.IsNullOrEmpty(query.Cursor) ? null : query.Cursor;
        if (cursor is null && query.Skip > 0)
        {
            cursor = await EngineAsync(() => store.SkipAsync(selector, query.Skip, cancellationToken));
            if (cursor is null)
            {
                // Past the last record (a page jump beyond the end, or records deleted meanwhile).
                return new RecordPage([], null, Complete: true);
            }
        }

        var options = new KvListOptions { Limit = query.Limit, BatchSize = query.Limit, Cursor = cursor };
        var page = await EngineAsync(() => store.ListPageAsync(selector, options, cancellationToken));
        // Metadata companions of the HTTP API (KvMetadataKeys) are part of their key's record, not records of their own.
        var records = page.Entries.Where(entry => entry.Exists && !KvMetadataKeys.IsMetadataKey(entry.Key)).Select(ToRecord).ToList();
        return new RecordPage(records, page.Complete ? null : page.Cursor, page.Complete);
    }

    /// <summary>The record of string key <paramref name="key"/>, or null when there is none.</summary>
    public Task<KvRecord?> GetAsync(Caller caller, int namespaceId, string key, CancellationToken cancellationToken = default) =>
        GetAsync(caller, namespaceId, RecordKeys.FromString(key), cancellationToken);

    /// <summary>The record of any tuple key (as listed), or null when there is none.</summary>
    public async Task<KvRecord?> GetAsync(Caller caller, int namespaceId, KvKey key, CancellationToken cancellationToken = default)
    {
        var store = await OpenForReadAsync(caller, namespaceId, cancellationToken);
        var entry = await EngineAsync(() => store.GetAsync(key, KvConsistency.Strong, cancellationToken));
        return entry.Exists ? ToRecord(entry) : null;
    }

    /// <summary>
    /// The namespace's change feed from the moment this returns (one <see cref="KvChange"/> per commit), for live
    /// record lists. The caller is authorized once, when this is called; the feed ends when the token is cancelled or
    /// the namespace is deleted. Enumerate once.
    /// </summary>
    public async Task<IAsyncEnumerable<KvChange>> WatchChangesAsync(Caller caller, int namespaceId, CancellationToken cancellationToken = default)
    {
        var store = await OpenForReadAsync(caller, namespaceId, cancellationToken);

        // Subscribed here, before returning, so no commit between this call and the first read is missed.
        return store.ChangesAsync(cancellationToken);
    }

    private static KvRecord ToRecord(KvEntry entry) => new(entry.Key, entry.Value!, entry.Versionstamp!.Value, entry.ExpiresAt);
}
