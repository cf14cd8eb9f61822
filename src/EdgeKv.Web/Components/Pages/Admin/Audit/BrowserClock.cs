using System.Globalization;
using Microsoft.JSInterop;

namespace EdgeKv.Web.Components.Pages.Admin.Audit;

/// <summary>
/// Shows UTC times as the reader's clock does: in the browser's time zone, in the console language's format
/// ("2026/12/6 21:42:46" in Chinese, "12/6/2026 9:42:46 PM" in English). The server cannot know the zone, so the page
/// asks the browser once; until then, or when the zone is unknown here, times read in UTC.
/// </summary>
public sealed class BrowserClock
{
    private readonly TimeZoneInfo _zone;

    private BrowserClock(TimeZoneInfo zone) => _zone = zone;

    /// <summary>UTC, before the browser said its zone.</summary>
    public static BrowserClock Utc { get; } = new(TimeZoneInfo.Utc);

    /// <summary>The clock of the browser <paramref name="js"/> talks to (its IANA zone, e.g. Asia/Shanghai).</summary>
    public static async Task<BrowserClock> ReadAsync(IJSRuntime js)
    {
        try
        {
            await using var module = await js.InvokeAsync<IJSObjectReference>("import", "./Components/Pages/Admin/AdminAudit.razor.js");
            return For(module is null ? null : await module.InvokeAsync<string?>("timeZone"));
        }
        catch (JSException)
        {
            return Utc;
        }
    }

    /// <summary>The clock of the IANA or Windows zone <paramref name="zoneId"/>; UTC when it is unknown.</summary>
    public static BrowserClock For(string? zoneId) =>
        !string.IsNullOrEmpty(zoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? new BrowserClock(zone) : Utc;

    /// <summary><paramref name="utc"/> as this clock's wall time (chart axes are drawn in it).</summary>
    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    /// <summary>The zone's offset now, as people read it: <c>UTC+08:00</c>, <c>UTC-05:00</c>, <c>UTC</c>.</summary>
    public string OffsetText(DateTime utc)
    {
        var offset = _zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        return offset == TimeSpan.Zero
            ? "UTC"
            : "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
    }

    /// <summary><paramref name="utc"/> in this clock's zone, in the current culture's short date and long time.</summary>
    public string Format(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone).ToString("G", CultureInfo.CurrentCulture);
}
