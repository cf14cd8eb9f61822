namespace EdgeKv.Domain.Tests.Infrastructure;

/// <summary>
/// A clock the test moves by hand, so expiry and throttling are tested without waiting. It starts at the real time,
/// so what other parts of the host stamp with the system clock stays close to it.
/// </summary>
internal sealed class ManualClock : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

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
