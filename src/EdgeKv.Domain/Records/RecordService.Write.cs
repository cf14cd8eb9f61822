using System.Globalization;
using System.Text.Json;
using EdgeKv.Core;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Core.Values;
using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Errors;

namespace EdgeKv.Domain.Records;

public sealed partial class RecordService
{
    /// <summary>
    /// Writes (creates or replaces) the record of string key <paramref name="key"/>. JSON is validated first
    /// (<see cref="DomainErrors.InvalidJson"/>). Old metadata of the key is removed in the same commit
    /// (<see cref="StringKeyModel.Put"/>). Returns the commit's versionstamp.
    /// </summary>
    public async Task<Versionstamp> PutAsync(
        Caller caller,
        int namespaceId,
        string key,
        string value,
        RecordFormat format = RecordFormat.Text,
        CancellationToken cancellationToken = default)
    {
        RecordKeys.FromString(key);
        ArgumentNullException.ThrowIfNull(value);
        var kvValue = TypedValue(value, format);
        var (store, _, _) = await OpenForWriteAsync(caller, namespaceId, cancellationToken);
        return await WriteAsync(store, key, kvValue, expireIn: null, cancellationToken);
    }

    /// <summary>Deletes the record of string key <paramref name="key"/> (nothing happens when there is none).</summary>
    public Task DeleteAsync(Caller caller, int namespaceId, string key, CancellationToken cancellationToken = default) =>
        DeleteAsync(caller, namespaceId, RecordKeys.FromString(key), cancellationToken);

    /// <summary>Deletes the record of any tuple key (as listed), with its metadata (<see cref="KvMetadataKeys"/>) in the same commit.</summary>
    public async Task DeleteAsync(Caller caller, int namespaceId, KvKey key, CancellationToken cancellationToken = default)
    {
        var (store, _, _) = await OpenForWriteAsync(caller, namespaceId, cancellationToken);
        var operation = store.Atomic();
        AddDelete(operation, key);
        await EngineAsync(() => operation.CommitAsync(cancellationToken));
    }

    /// <summary>
    /// Deletes many records (the console's multi-select), each with its metadata. Each batch of up to half
    /// <see cref="KvLimits.MaxMutations"/> keys (two mutations each) is one atomic commit. The deletion is audited with
    /// its count.
    /// </summary>
    public async Task DeleteManyAsync(Caller caller, int namespaceId, IReadOnlyList<KvKey> keys, CancellationToken cancellationToken = default)
    {
        var (store, ns, account) = await OpenForWriteAsync(caller, namespaceId, cancellationToken);
        var distinctKeys = keys.Distinct().ToList();
        foreach (var batch in distinctKeys.Chunk(KvLimits.MaxMutations / 2))
        {
            var operation = store.Atomic();
            foreach (var key in batch)
            {
                AddDelete(operation, key);
            }

            await EngineAsync(() => operation.CommitAsync(cancellationToken));
        }

        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var note = string.Create(CultureInfo.InvariantCulture, $"{distinctKeys.Count} records");
        AuditTrail.Add(db, caller, AuditActions.RecordsBulkDeleted, AuditTargets.Namespace, ns.Id, account.UserId, note, _time.UtcNow());
        await db.SaveChangesAsync(CancellationToken.None);
    }

    // Every console write of a string key: the value, and its old metadata removed, in one commit (StringKeyModel).
    private static async Task<Versionstamp> WriteAsync(IKvStore store, string key, KvValue value, TimeSpan? expireIn, CancellationToken cancellationToken)
    {
        var result = await EngineAsync(() => store.CommitAsync(new KvAtomicWrite([], StringKeyModel.Put(key, value, expireIn)), cancellationToken));
        return result.Versionstamp!.Value;
    }

    /// <summary>Deletes a record and, for a string key, its metadata companion (<see cref="StringKeyModel.Delete(KvKey)"/>).</summary>
    private static void AddDelete(KvAtomicOperation operation, KvKey key)
    {
        foreach (var mutation in StringKeyModel.Delete(key))
        {
            operation.Mutate(mutation);
        }
    }

    // A typed value is text or JSON; raw bytes come only as bytes (PutBytesAsync).
    private static KvValue TypedValue(string value, RecordFormat format) => format switch
    {
        RecordFormat.Text => KvValue.Text(value),
        RecordFormat.Json => ParseJson(value),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Typed values are text or JSON."),
    };

    private static KvValue ParseJson(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return KvValue.Json(json);
        }
        catch (JsonException exception)
        {
            throw new DomainException(DomainErrors.InvalidJson, exception);
        }
    }
}
