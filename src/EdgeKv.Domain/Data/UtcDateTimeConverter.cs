using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EdgeKv.Domain.Data;

/// <summary>Stores DateTimes as UTC and marks them UTC when read, because SQLite keeps no time zone.</summary>
public sealed class UtcDateTimeConverter : ValueConverter<DateTime, DateTime>
{
    /// <summary>Makes the converter.</summary>
    public UtcDateTimeConverter()
        : base(value => value.ToUniversalTime(), value => DateTime.SpecifyKind(value, DateTimeKind.Utc))
    {
    }
}
