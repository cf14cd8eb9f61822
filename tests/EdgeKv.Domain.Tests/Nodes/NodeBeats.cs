using EdgeKv.Core.Replication;
using EdgeKv.Domain.Nodes;
using EdgeKv.Domain.Storage;

namespace EdgeKv.Domain.Tests.Nodes;

/// <summary>Heartbeats of other nodes, as those nodes would record them, for tests that need a cluster of one host.</summary>
internal static class NodeBeats
{
    public static NodeBeat Of(string name, DateTime at, KvReplicaState replica, Guid? id = null, TimeSpan? interval = null) =>
        new(id ?? Guid.NewGuid(), name, $"http://127.0.0.1:{7200 + (name.Length % 50)}", StorageProvider.Postgres, at.AddMinutes(-10), at,
            interval ?? TimeSpan.FromSeconds(5), replica);

    public static KvReplicaState Serving(TimeSpan lag, DateTime at) =>
        new(KvReplicaHealth.Serving, lag, KvReplicaState.DefaultMaxLag, new DateTimeOffset(at, TimeSpan.Zero), null);

    public static KvReplicaState Behind(TimeSpan lag, DateTime at) =>
        new(KvReplicaHealth.Behind, lag, KvReplicaState.DefaultMaxLag, new DateTimeOffset(at, TimeSpan.Zero), null);

    public static KvReplicaState Unreachable(string error) =>
        new(KvReplicaHealth.Unreachable, null, KvReplicaState.DefaultMaxLag, null, error);
}
