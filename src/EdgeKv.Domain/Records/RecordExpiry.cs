using EdgeKv.Domain.Errors;

namespace EdgeKv.Domain.Records;

/// <summary>
/// The console's rule for a record's expiry: none, or a positive span (as Deno's <c>expireIn</c>). A zero or
/// negative one is refused with <see cref="DomainErrors.InvalidExpiry"/>, never rounded to something else.
/// </summary>
public static class RecordExpiry
{
    /// <summary>The span of <paramref name="seconds"/> as typed (null: never expires); throws for zero or less.</summary>
    public static TimeSpan? FromSeconds(long? seconds) => seconds switch
    {
        null => null,
        > 0 => TimeSpan.FromSeconds(seconds.Value),
        _ => throw DomainErrors.InvalidExpiry.ToException(),
    };

    /// <summary>Throws <see cref="DomainErrors.InvalidExpiry"/> unless <paramref name="expireIn"/> is null or positive.</summary>
    public static void Check(TimeSpan? expireIn)
    {
        if (expireIn is { } span && span <= TimeSpan.Zero)
        {
            throw DomainErrors.InvalidExpiry.ToException();
        }
    }
}
