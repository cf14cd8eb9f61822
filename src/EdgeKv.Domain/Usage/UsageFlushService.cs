using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeKv.Domain.Usage;

/// <summary>
/// Flushes usage (<see cref="UsageRecorder"/>) every <see cref="UsageOptions.FlushInterval"/>, and once more when the
/// host stops so what was counted last is kept. A failed flush is logged and retried at the next tick with its counts.
/// </summary>
public sealed partial class UsageFlushService : BackgroundService
{
    private static readonly TimeSpan FinalFlushTimeout = TimeSpan.FromSeconds(10);

    private readonly UsageRecorder _recorder;
    private readonly IOptions<UsageOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<UsageFlushService> _logger;

    /// <summary>Made by dependency injection.</summary>
    public UsageFlushService(UsageRecorder recorder, IOptions<UsageOptions> options, TimeProvider time, ILogger<UsageFlushService> logger)
    {
        _recorder = recorder;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        using var timeout = new CancellationTokenSource(FinalFlushTimeout);
        await TryFlushAsync(timeout.Token);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.Value.FlushInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TryFlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync flushes once more.
        }
    }

    private async Task TryFlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _recorder.FlushAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping mid-flush: the counts stay in memory, as when the process ends.
        }
        catch (Exception exception)
        {
            LogFlushFailed(exception);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Usage history flush failed; its counts are kept for the next flush.")]
    private partial void LogFlushFailed(Exception exception);
}
