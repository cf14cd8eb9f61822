using EdgeKv.Domain.Tokens;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeKv.Domain.Usage;

/// <summary>
/// Flushes usage every <see cref="UsageOptions.FlushInterval"/>, and once more when the host stops so what was counted
/// last is kept: the namespaces' (<see cref="UsageRecorder"/>) and the access tokens' (<see cref="AccessTokenUsageWriter"/>).
/// A failed flush is logged and retried at the next tick with its counts; one failing does not hold up the other.
/// </summary>
public sealed partial class UsageFlushService : BackgroundService
{
    private static readonly TimeSpan FinalFlushTimeout = TimeSpan.FromSeconds(10);

    private readonly UsageRecorder _recorder;
    private readonly AccessTokenUsageWriter _tokens;
    private readonly IOptions<UsageOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<UsageFlushService> _logger;

    /// <summary>Made by dependency injection.</summary>
    public UsageFlushService(
        UsageRecorder recorder, AccessTokenUsageWriter tokens, IOptions<UsageOptions> options, TimeProvider time, ILogger<UsageFlushService> logger)
    {
        _recorder = recorder;
        _tokens = tokens;
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
        await TryFlushAsync(_recorder.FlushAsync, cancellationToken);
        await TryFlushAsync(_tokens.FlushAsync, cancellationToken);
    }

    private Task TryFlushAsync(Func<CancellationToken, Task> flush, CancellationToken cancellationToken) =>
        BackgroundRound.TryAsync(flush, LogFlushFailed, cancellationToken);

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Usage history flush failed; its counts are kept for the next flush.")]
    private partial void LogFlushFailed(Exception exception);
}
