using System.Data;
using EdgeKv.Core;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Core.Values;
using Npgsql;

namespace EdgeKv.Storage.Postgres;

/// <summary>
/// A namespace's reads. Each read operation is one snapshot: one statement where one suffices (get, getMany, a list
/// page, a count), otherwise one <c>REPEATABLE READ</c> read-only transaction whose statements go in one round trip.
/// Storage failures become <see cref="KvErrorCode.StorageUnavailable"/>.
/// </summary>
internal sealed class PostgresEntryReader(NpgsqlDataSource dataSource, long namespaceId)
{
    public Task<KvEntry[]> GetManyAsync(IReadOnlyList<KvKey> keys, long nowMs, CancellationToken cancellationToken) =>
        PostgresErrors.GuardAsync(async () =>
        {
            var encoded = keys.Select(key => key.Encode()).ToArray();
            await using var command = Sql.Command(dataSource, PostgresStatements.GetMany, namespaceId, encoded, nowMs);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var found = new Dictionary<byte[], KvEntry>(ByteArrayComparer.Instance);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var key = reader.GetFieldValue<byte[]>(0);
                found[key] = ReadEntry(reader, KvKey.DecodeOwned(key));
            }

            var entries = new KvEntry[keys.Count];
            for (var i = 0; i < entries.Length; i++)
            {
                entries[i] = found.TryGetValue(encoded[i], out var entry) ? entry with { Key = keys[i] } : KvEntry.Missing(keys[i]);
            }

            return entries;
        });

    public Task<List<KvEntry>> RangeAsync(byte[] start, byte[] end, bool reverse, int limit, long nowMs, CancellationToken cancellationToken) =>
        PostgresErrors.GuardAsync(async () =>
        {
            await using var command = Sql.Command(dataSource, reverse ? PostgresStatements.ListDescending : PostgresStatements.ListAscending,
                namespaceId, start, end, nowMs, limit);
            return await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
        });

    /// <summary>The live entries of several raw ranges in one snapshot (ranges whose start is not below their end are empty).</summary>
    public Task<IReadOnlyList<KvEntry>[]> RangesAsync(IReadOnlyList<KvRawRange> ranges, long nowMs, CancellationToken cancellationToken) =>
        PostgresErrors.GuardAsync(async () =>
        {
            var results = new IReadOnlyList<KvEntry>[ranges.Count];
            var asked = Enumerable.Range(0, ranges.Count).Where(i => ranges[i].Start.Span.SequenceCompareTo(ranges[i].End.Span) < 0).ToArray();
            foreach (var i in Enumerable.Range(0, ranges.Count).Except(asked))
            {
                results[i] = [];
            }

            if (asked.Length == 0)
            {
                return results;
            }

            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var i in asked)
            {
                var range = ranges[i];
                batch.BatchCommands.Add(Sql.Command(range.Reverse ? PostgresStatements.ListDescending : PostgresStatements.ListAscending,
                    namespaceId, range.Start.ToArray(), range.End.ToArray(), nowMs, range.Limit));
            }

            await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (var i in asked)
                {
                    var entries = new List<KvEntry>();
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        entries.Add(ReadEntry(reader, KvKey.DecodeOwned(reader.GetFieldValue<byte[]>(0))));
                    }

                    results[i] = entries;
                    await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return results;
        });

    public Task<long> CountAsync(byte[] start, byte[] end, long nowMs, CancellationToken cancellationToken) =>
        PostgresErrors.GuardAsync(async () =>
        {
            await using var command = Sql.Command(dataSource, PostgresStatements.CountRange, namespaceId, start, end, nowMs);
            return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        });

    public Task<byte[]?> KeyAtAsync(byte[] start, byte[] end, long offset, long nowMs, CancellationToken cancellationToken) =>
        PostgresErrors.GuardAsync(async () =>
        {
            // $5 is the offset here (the list statements' limit position), so the live-row condition reads alike.
            await using var command = Sql.Command(dataSource, PostgresStatements.KeyAtOffset, namespaceId, start, end, nowMs, offset);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as byte[];
        });

    public Task<KvStoreStats> StatsAsync(CancellationToken cancellationToken) =>
        PostgresErrors.GuardAsync(async () =>
        {
            await using var command = Sql.Command(dataSource, PostgresStatements.GetStats, namespaceId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? new KvStoreStats(reader.GetInt64(0), reader.GetInt64(1))
                : throw new KvException(KvErrorCode.NamespaceNotFound);
        });

    /// <summary>(deletions kept after, version) of the namespace.</summary>
    public Task<(ulong KeptAfter, ulong Version)> DeletionHorizonAsync(CancellationToken cancellationToken) =>
        PostgresErrors.GuardAsync(async () =>
        {
            await using var command = Sql.Command(dataSource, PostgresStatements.GetDeletionHorizon, namespaceId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? ((ulong)reader.GetInt64(0), (ulong)reader.GetInt64(1))
                : throw new KvException(KvErrorCode.NamespaceNotFound);
        });

    /// <summary>
    /// One page of remembered deletions (see <see cref="PostgresStatements.ListDeletions"/>) read in the same snapshot as
    /// the horizon, or null when deletions after <paramref name="after"/> are no longer all remembered.
    /// </summary>
    public Task<List<KvDeletion>?> DeletionsPageAsync(
        byte[] afterKey, byte[] start, byte[] end, ulong after, int limit, long nowMs, CancellationToken cancellationToken) =>
        PostgresErrors.GuardAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            await using var batch = new NpgsqlBatch(connection, transaction);
            batch.BatchCommands.Add(Sql.Command(PostgresStatements.GetDeletionHorizon, namespaceId));
            batch.BatchCommands.Add(Sql.Command(PostgresStatements.ListDeletions, namespaceId, afterKey, start, end, (long)after, nowMs, limit));
            List<KvDeletion>? deletions = null;
            await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    throw new KvException(KvErrorCode.NamespaceNotFound);
                }

                if (Remembers(((ulong)reader.GetInt64(0), (ulong)reader.GetInt64(1)), after))
                {
                    deletions = [];
                    await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var key = KvKey.DecodeOwned(reader.GetFieldValue<byte[]>(0));
                        deletions.Add(new KvDeletion(key, Versionstamp.FromCommitVersion((ulong)reader.GetInt64(1))));
                    }
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return deletions;
        });

    public static bool Remembers((ulong KeptAfter, ulong Version) horizon, ulong after) =>
        horizon.KeptAfter <= after && after <= horizon.Version;

    private static async Task<List<KvEntry>> ReadEntriesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<KvEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(ReadEntry(reader, KvKey.DecodeOwned(reader.GetFieldValue<byte[]>(0))));
        }

        return entries;
    }

    /// <summary>An entry from a row of k, v, encoding, version, expires_at.</summary>
    private static KvEntry ReadEntry(NpgsqlDataReader reader, KvKey key)
    {
        var data = reader.GetFieldValue<byte[]>(1);
        var encoding = (KvValueEncoding)reader.GetInt16(2);
        var version = (ulong)reader.GetInt64(3);
        DateTimeOffset? expiresAt = reader.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4));
        return new KvEntry(key, KvValue.FromStorage(encoding, data), Versionstamp.FromCommitVersion(version), expiresAt);
    }
}
