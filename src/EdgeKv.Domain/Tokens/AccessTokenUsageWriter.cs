using EdgeKv.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeKv.Domain.Tokens;

/// <summary>
/// Writes what <see cref="AccessTokenUsage"/> counted to the admin database every <see cref="Interval"/>, in one
/// transaction, and once more when the host stops: each token's last use (the tokens page's 最近使用). A program's
/// request therefore never waits for the admin database, and its write's only fsync is its namespace's commit.
/// </summary>
public sealed partial class AccessTokenUsageWriter(
    AccessTokenUsage usage, IDbContextFactory<EdgeKvDbContext> dbFactory, ILogger<AccessTokenUsageWriter> logger) : BackgroundService
{
    /// <summary>How often counted uses are written: a token's last use shows this late at most.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>Writes the uses counted so far now (also what each round and the shutdown do).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var batch = usage.Drain();
        if (batch.Count == 0)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var use in batch)
        {
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

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushLoggingFailureAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes the rest.
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushLoggingFailureAsync(cancellationToken);
    }

    // A failed round loses only "last used" times, never data; it is logged and the next round carries on.
    private async Task FlushLoggingFailureAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFlushFailed(logger, e);
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "Writing access tokens' usage to the admin database failed; the next round retries with new uses.")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
