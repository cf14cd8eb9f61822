using EdgeKv.Domain.Data;
using EdgeKv.Domain.Usage;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Tokens;

/// <summary>
/// Writes what <see cref="AccessTokenUsage"/> counted to the admin database in one transaction: each token's read and
/// write counts, the bytes it wrote and read and its last use (the tokens page's 最近使用). Called with the namespaces' usage by
/// <see cref="UsageFlushService"/> (every <see cref="UsageOptions.FlushInterval"/> and when the host stops), never
/// from a request: a program's request never waits for the admin database, and its write's only fsync is its
/// namespace's commit. A flush that fails gives its batch back for the next one. Singleton.
/// </summary>
public sealed class AccessTokenUsageWriter(AccessTokenUsage usage, IDbContextFactory<EdgeKvDbContext> dbFactory)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Writes the uses counted so far. Serialized: a flush waits for one under way.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var batch = usage.Drain();
            if (batch.Count == 0)
            {
                return;
            }

            try
            {
                await WriteAsync(batch, cancellationToken);
            }
            catch
            {
                usage.Return(batch);
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task WriteAsync(IReadOnlyList<AccessTokenUseBatch> batch, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var use in batch)
        {
            // Counts are added (never set), so batches of several nodes add up.
            await db.AccessTokens
                .Where(t => t.Id == use.TokenId)
                .ExecuteUpdateAsync(
                    set => set
                        .SetProperty(t => t.ReadCount, t => t.ReadCount + use.Reads)
                        .SetProperty(t => t.WriteCount, t => t.WriteCount + use.Writes)
                        .SetProperty(t => t.BytesWritten, t => t.BytesWritten + use.BytesWritten)
                        .SetProperty(t => t.BytesRead, t => t.BytesRead + use.BytesRead),
                    cancellationToken);
            if (use.LastUsedAt is { } lastUsed)
            {
                // Conditional, so an older batch (or another node's) never moves the time back.
                await db.AccessTokens
                    .Where(t => t.Id == use.TokenId && (t.LastUsedAt == null || t.LastUsedAt < lastUsed))
                    .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedAt, lastUsed), cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
