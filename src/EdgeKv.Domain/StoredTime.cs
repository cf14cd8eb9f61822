namespace EdgeKv.Domain;

/// <summary>
/// Times the domain stores are whole microseconds: PostgreSQL keeps no finer (SQLite would keep .NET's 100 ns ticks),
/// so a time a service returns equals the one read back later, on either provider.
/// </summary>
public static class StoredTime
{
    /// <summary>Now, in UTC, to the microsecond.</summary>
    public static DateTime UtcNow(this TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return ToMicroseconds(time.GetUtcNow().UtcDateTime);
    }

    /// <summary><paramref name="value"/> with the ticks below a microsecond dropped (its kind kept).</summary>
    public static DateTime ToMicroseconds(DateTime value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMicrosecond), value.Kind);
}
