namespace EdgeKv.Domain.Tests.Infrastructure;

/// <summary>
/// A clock the test moves by hand, so expiry and throttling are tested without waiting. It starts at the real time,
/// so what other parts of the host stamp with the system clock stays close to it, on a whole second, so the times a
/// test derives from it are the ones the domain stores (whole microseconds: EdgeKv.Domain.StoredTime).
/// </summary>
internal sealed class ManualClock : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset _now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    public DateTime UtcNow => GetUtcNow().UtcDateTime;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_lock)
        {
            _now += by;
        }
    }
}
