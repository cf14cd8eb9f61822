using System.Threading.Channels;
using EdgeKv.Web.Services;

namespace EdgeKv.Web.Tests.Services;

public sealed class CoalescingTriggerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Signal_10000WhileARunIsInProgress_MergeIntoOneMoreRun()
    {
        // Arrange: the first run is held open while the burst arrives.
        var runs = 0;
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var trigger = new CoalescingTrigger(TimeSpan.Zero, async _ =>
        {
            switch (Interlocked.Increment(ref runs))
            {
                case 1:
                    firstStarted.SetResult();
                    await releaseFirst.Task;
                    break;
                case 2:
                    secondDone.SetResult();
                    break;
            }
        });
        trigger.Signal();
        await firstStarted.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);

        // Act
        for (var i = 0; i < 10_000; i++)
        {
            trigger.Signal();
        }

        releaseFirst.SetResult();
        await secondDone.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        await trigger.DisposeAsync();

        // Assert: the first run, and one for the whole burst.
        Assert.Equal(2, Volatile.Read(ref runs));
    }

    [Fact]
    public async Task Signal_AfterAQuietSpell_RunsAgain()
    {
        var runs = Channelled();
        await using var trigger = new CoalescingTrigger(TimeSpan.Zero, _ => runs.Writer.WriteAsync(1).AsTask());

        trigger.Signal();
        await runs.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Patience, TestContext.Current.CancellationToken);
        trigger.Signal();

        await runs.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Patience, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task DisposeAsync_ThenSignal_NothingRuns()
    {
        var runs = 0;
        var trigger = new CoalescingTrigger(TimeSpan.Zero, _ =>
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        });

        await trigger.DisposeAsync().AsTask().WaitAsync(Patience, TestContext.Current.CancellationToken);
        trigger.Signal();

        Assert.Equal(0, Volatile.Read(ref runs));
    }

    private static Channel<int> Channelled() => Channel.CreateUnbounded<int>();
}
