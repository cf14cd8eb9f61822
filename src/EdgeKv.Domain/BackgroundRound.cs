namespace EdgeKv.Domain;

/// <summary>
/// One round of a background writer (a usage flush, a batch of log lines): a failure is reported and the round's data
/// stays for the next one, so one bad round never stops the loop; cancellation while stopping is not a failure.
/// </summary>
internal static class BackgroundRound
{
    /// <summary>Runs <paramref name="round"/>; hands a failure other than the stop's cancellation to <paramref name="failed"/>.</summary>
    public static async Task TryAsync(Func<CancellationToken, Task> round, Action<Exception> failed, CancellationToken cancellationToken)
    {
        try
        {
            await round(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping mid-round: what it held stays in memory, as when the process ends.
        }
        catch (Exception exception)
        {
            failed(exception);
        }
    }
}
