using System.Globalization;

namespace EdgeKv.Web.Services;

/// <summary>How numbers, sizes and times read in the console.</summary>
public static class DisplayFormat
{
    private static readonly string[] Units = ["B", "KB", "MB", "GB", "TB"];

    /// <summary>A byte count in binary units: <c>0 B</c>, <c>512 B</c>, <c>1.5 KB</c>, <c>100 MB</c>.</summary>
    public static string Bytes(long bytes)
    {
        double value = bytes;
        var unit = 0;
        while (Math.Abs(value) >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? $"{bytes.ToString(CultureInfo.InvariantCulture)} B"
            : $"{value.ToString(value >= 100 ? "0" : "0.#", CultureInfo.InvariantCulture)} {Units[unit]}";
    }

    /// <summary>A UTC time as <c>2026-11-21 10:45:12 UTC</c> (the console runs on servers; UTC reads the same everywhere).</summary>
    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <inheritdoc cref="Time(DateTime)"/>
    public static string Time(DateTimeOffset time) => Time(time.UtcDateTime);

    /// <summary>Percentage (0..100) of <paramref name="used"/> in <paramref name="limit"/>, capped at 100.</summary>
    public static double Percent(long used, long limit) => limit <= 0 ? 100 : Math.Min(100, used * 100.0 / limit);
}
