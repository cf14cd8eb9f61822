namespace EdgeKv.Storage.Postgres;

/// <summary>
/// Measures how far a streaming replica is behind its primary from positions in the primary's write-ahead log (ADR
/// 0014). Each probe records where the primary's WAL ended and when; the replica is as fresh as the newest position it
/// has replayed. Its lag is zero when it has replayed the position the primary reported at this probe, otherwise the
/// age of the oldest recorded position it has not replayed yet: data that existed at that time is missing from it.
/// Unlike <c>now() - pg_last_xact_replay_timestamp()</c>, this does not grow while the primary is idle. Not thread-safe
/// (the monitor's one loop uses it).
/// </summary>
internal sealed class ReplicaLagTracker
{
    // Oldest first; positions strictly increase (a probe that finds the primary where it was adds nothing, so an idle
    // primary keeps one sample however long it idles, and a replica that is behind keeps at most one per probe).
    private readonly Queue<(DateTimeOffset At, ulong Position)> _samples = new();
    private DateTimeOffset? _lastPrimaryAt;
    private ulong _newest;

    /// <summary>Records the primary's WAL end, read at <paramref name="at"/> (taken before the query was sent).</summary>
    public void RecordPrimary(DateTimeOffset at, ulong position)
    {
        _lastPrimaryAt = at;
        if (_samples.Count == 0 || position > _newest)
        {
            _samples.Enqueue((at, position));
            _newest = position;
        }
    }

    /// <summary>
    /// The replica's lag at <paramref name="now"/> given the position it has replayed, or null before the primary was
    /// ever read. When the primary did not answer at this probe, what happened there since its last answer is unknown,
    /// so a replica that has replayed everything known is counted as behind since that answer (never fresher than known).
    /// </summary>
    public TimeSpan? LagAt(DateTimeOffset now, ulong replayed, bool primaryAnsweredNow)
    {
        while (_samples.Count > 1 && _samples.Peek().Position <= replayed)
        {
            _samples.Dequeue();
        }

        if (_lastPrimaryAt is not { } lastPrimaryAt)
        {
            return null;
        }

        var oldest = _samples.Peek();
        if (oldest.Position > replayed)
        {
            return Positive(now - oldest.At);
        }

        return primaryAnsweredNow ? TimeSpan.Zero : Positive(now - lastPrimaryAt);
    }

    private static TimeSpan Positive(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;
}
