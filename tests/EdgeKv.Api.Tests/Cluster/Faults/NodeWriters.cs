using System.Collections.Concurrent;

namespace EdgeKv.Api.Tests.Cluster.Faults;

/// <summary>What the writers of one node have seen so far.</summary>
internal sealed class NodeWriters(string node)
{
    private int _acknowledged;

    public string Node { get; } = node;

    public int Acknowledged => Volatile.Read(ref _acknowledged);

    public ConcurrentQueue<WriteFailure> Failures { get; } = new();

    public int FailuresSince(TimeSpan at) => Failures.Count(f => f.At >= at);

    internal void CountAcknowledged() => Interlocked.Increment(ref _acknowledged);
}
