namespace EdgeKv.Core.BackendKit;

/// <summary>A request to delete expired rows; completes with how many rows were removed.</summary>
internal sealed class KvSweepRequest : KvWriteRequest
{
    public TaskCompletionSource<int> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
