using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeKv.Domain.FunctionLogs;

/// <summary>
/// Every <see cref="FlushInterval"/>: writes the lines <see cref="ProjectLogBook"/> queued to the admin database in
/// one transaction (a burst of thousands of lines is a few statements, not one per line), then reads the lines other
/// nodes' notices announced for the projects followed here. A failed write keeps its lines queued (at most
/// <see cref="ProjectLogBook.MaxEntriesPerProject"/> per project) for the next round; one more round runs when the
/// host stops. The host adds it after the database is migrated.
/// </summary>
public sealed partial class ProjectLogWriter(ProjectLogBook book, ProjectLogStore store, TimeProvider time, ILogger<ProjectLogWriter> logger)
    : BackgroundService
{
    /// <summary>How often queued lines are written: short enough for a log to feel live across nodes.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan FinalFlushTimeout = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Writes the queued lines now. Serialized: a flush waits for one under way.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var batch = book.TakeUnwritten();
            if (batch.Count == 0)
            {
                return;
            }

            try
            {
                await store.WriteAsync(book.Writer, batch, cancellationToken);
            }
            catch
            {
                book.NotWritten(batch);
                throw;
            }

            book.Written(batch);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reads now what other nodes announced, for this node's followers.</summary>
    public Task ReadWrittenElsewhereAsync(CancellationToken cancellationToken = default) => book.ReadWrittenElsewhereAsync(cancellationToken);

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        using var timeout = new CancellationTokenSource(FinalFlushTimeout);
        await TryAsync(FlushAsync, timeout.Token);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TryAsync(FlushAsync, stoppingToken);
                await TryAsync(ReadWrittenElsewhereAsync, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes once more.
        }
    }

    private Task TryAsync(Func<CancellationToken, Task> round, CancellationToken cancellationToken) =>
        BackgroundRound.TryAsync(round, LogRoundFailed, cancellationToken);

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Functions' log lines could not be written or read; they are kept for the next round.")]
    private partial void LogRoundFailed(Exception exception);
}
