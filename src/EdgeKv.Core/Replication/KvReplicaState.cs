namespace EdgeKv.Core.Replication;

/// <summary>
/// What a node last measured of its read replica: the engine's registry keeps it current
/// (<see cref="Registry.IKvStoreRegistry.Replica"/>), health endpoints and the admin console show it.
/// </summary>
/// <param name="Health">Whether eventual reads go to the replica now.</param>
/// <param name="Lag">How far the replica's replayed state is behind the primary's; null when not measured.</param>
/// <param name="MaxLag">The bound past which the replica stops serving eventual reads.</param>
/// <param name="MeasuredAt">When <paramref name="Lag"/> was measured; null when never.</param>
/// <param name="Error">Why the last measurement failed, in the server's words; null when it succeeded.</param>
public sealed record KvReplicaState(KvReplicaHealth Health, TimeSpan? Lag, TimeSpan MaxLag, DateTimeOffset? MeasuredAt, string? Error)
{
    /// <summary>The default bound: EdgeOne's promise that a write is visible everywhere within 60 seconds.</summary>
    public static readonly TimeSpan DefaultMaxLag = TimeSpan.FromSeconds(60);

    /// <summary>A node without a replica.</summary>
    public static KvReplicaState NotConfigured { get; } = new(KvReplicaHealth.NotConfigured, null, DefaultMaxLag, null, null);
}
