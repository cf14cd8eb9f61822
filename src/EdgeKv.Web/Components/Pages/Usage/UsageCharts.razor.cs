using System.Globalization;
using EdgeKv.Domain.Usage;
using EdgeKv.Web.Components.Pages.Admin.Audit;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MudBlazor.Charts;

namespace EdgeKv.Web.Components.Pages.Usage;

/// <summary>
/// Draws a <see cref="UsageSeries"/>: totals over the range, a line per operation kind per bucket, and stored bytes
/// (axis in B/KB/MB). Times on the axis are the reader's (<see cref="Clock"/>). Shows an empty state when nothing was
/// recorded in the range. Holds no data of its own: the page loads and passes the series.
/// </summary>
public sealed partial class UsageCharts
{
    // Reads blue, lists teal, writes amber, deletes red: the same colour means the same kind on every page.
    private static readonly string[] OperationColours = ["#1e88e5", "#00897b", "#f9a825", "#e53935"];
    private static readonly string[] StoredColours = ["#5e35b1"];

    private List<ChartSeries<double>> _operations = [];
    private List<ChartSeries<double>> _stored = [];
    private TimeSeriesChartOptions _operationsOptions = new();
    private TimeSeriesChartOptions _storedOptions = new();

    /// <summary>What to draw; null while loading.</summary>
    [Parameter]
    public UsageSeries? Series { get; set; }

    /// <summary>The range shown.</summary>
    [Parameter]
    public UsageRange Range { get; set; }

    /// <summary>Called when the reader picks another range.</summary>
    [Parameter]
    public EventCallback<UsageRange> RangeChanged { get; set; }

    /// <summary>The reader's clock, for the time axis.</summary>
    [Parameter]
    public BrowserClock Clock { get; set; } = BrowserClock.Utc;

    /// <summary>The empty state's text: what will appear here.</summary>
    [Parameter]
    public string? EmptyText { get; set; }

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    private string OperationsTitle => L[Range == UsageRange.LastHour ? "Usage.Operations.PerMinute" : "Usage.Operations.PerTenMinutes"];

    private IEnumerable<(string Id, string Label, string Value)> Totals => Series is not { } s
        ? []
        :
        [
            ("usage-total-reads", L["Usage.Total.Reads"], Count(s.TotalReads)),
            ("usage-total-lists", L["Usage.Total.Lists"], Count(s.TotalLists)),
            ("usage-total-writes", L["Usage.Total.Writes"], Count(s.TotalWrites)),
            ("usage-total-deletes", L["Usage.Total.Deletes"], Count(s.TotalDeletes)),
            ("usage-total-bytes-written", L["Usage.Total.BytesWritten"], DisplayFormat.Bytes(s.TotalBytesWritten)),
            ("usage-total-stored", L["Usage.Total.Stored"], s.StoredBytes.Count > 0 ? DisplayFormat.Bytes(s.StoredBytes[^1].Bytes) : "—"),
        ];

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        if (Series is not { HasHistory: true } series)
        {
            return;
        }

        _operations =
        [
            Line(L["Usage.Series.Reads"], series.Points.Select(p => (p.Start, (double)p.Reads))),
            Line(L["Usage.Series.Lists"], series.Points.Select(p => (p.Start, (double)p.Lists))),
            Line(L["Usage.Series.Writes"], series.Points.Select(p => (p.Start, (double)p.Writes))),
            Line(L["Usage.Series.Deletes"], series.Points.Select(p => (p.Start, (double)p.Deletes))),
        ];
        _stored = [Line(L["Usage.Series.StoredBytes"], series.StoredBytes.Select(p => (p.Start, (double)p.Bytes)))];
        _operationsOptions = Options(OperationColours, WholeCount);
        _storedOptions = Options(StoredColours, value => DisplayFormat.Bytes((long)value));
    }

    private ChartSeries<double> Line(string name, IEnumerable<(DateTime Start, double Value)> points) => new()
    {
        Name = name,
        Data = points.Select(p => new TimeValue<double>(Clock.ToLocal(p.Start), p.Value)).ToArray(),
        Visible = true,
    };

    private TimeSeriesChartOptions Options(string[] palette, Func<double, string> yAxis) => new()
    {
        ChartPalette = palette,
        YAxisTicks = 0,
        MaxNumYAxisTicks = 5,
        YAxisRequireZeroPoint = true,
        YAxisToStringFunc = yAxis,
        XAxisLines = false,
        ShowDataMarkers = false,
        LineStrokeWidth = 2,
        TimeLabelFormat = "HH:mm",
        TooltipTimeLabelFormat = "HH:mm",
        TimeLabelSpacing = Range == UsageRange.LastHour ? TimeSpan.FromMinutes(10) : TimeSpan.FromHours(4),
        TooltipTitleFormat = "{{SERIES_NAME}}: {{Y_AXIS_VALUE}}",
    };

    // Counts are whole: an automatic tick between two of them (0.5) is left without a label.
    private static string WholeCount(double value) =>
        value % 1 == 0 ? value.ToString("N0", CultureInfo.CurrentCulture) : "";

    private static string Count(long value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
