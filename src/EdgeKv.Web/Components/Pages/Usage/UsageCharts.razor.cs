using System.Globalization;
using EdgeKv.Domain.Usage;
using EdgeKv.Web.Components.Pages.Admin.Audit;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

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
    private LineChartOptions _operationsOptions = new();
    private LineChartOptions _storedOptions = new();
    private string[] _labels = [];

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

        // One label per bucket, in the reader's time; the axis draws every few (LabelEvery), tooltips carry their own.
        _labels = [.. series.Points.Select(p => Clock.ToLocal(p.Start).ToString("HH:mm", CultureInfo.InvariantCulture))];
        _operations =
        [
            Line(L["Usage.Series.Reads"], series.Points.Select(p => (double?)p.Reads)),
            Line(L["Usage.Series.Lists"], series.Points.Select(p => (double?)p.Lists)),
            Line(L["Usage.Series.Writes"], series.Points.Select(p => (double?)p.Writes)),
            Line(L["Usage.Series.Deletes"], series.Points.Select(p => (double?)p.Deletes)),
        ];

        // Stored bytes are known from the first sample on; the buckets before it are gaps, not zeros.
        var stored = series.StoredBytes.ToDictionary(p => p.Start, p => p.Bytes);
        _stored = [Line(L["Usage.Series.StoredBytes"], series.Points.Select(p => stored.TryGetValue(p.Start, out var b) ? (double?)b : null))];
        _operationsOptions = Options(OperationColours, WholeCount);
        _storedOptions = Options(StoredColours, value => DisplayFormat.Bytes((long)value));

        // A size known at one or two buckets only (history just began) is a dot, not a line: mark it so it shows.
        _storedOptions.ShowDataMarkers = stored.Count <= 2;
    }

    private static ChartSeries<double> Line(string name, IEnumerable<double?> values) => new()
    {
        Name = name,
        Data = new ChartData<double>([.. values]),
        Visible = true,
    };

    private LineChartOptions Options(string[] palette, Func<double, string> yAxis) => new()
    {
        ChartPalette = palette,
        YAxisTicks = 0,
        MaxNumYAxisTicks = 5,
        YAxisRequireZeroPoint = true,
        YAxisToStringFunc = yAxis,
        XAxisLines = false,
        ShowDataMarkers = false,
        LineStrokeWidth = 2,
        XAxisLabelInterval = Range == UsageRange.LastHour ? 10 : 24,
        TooltipTitleFormat = "{{SERIES_NAME}}: {{Y_AXIS_VALUE}}",
        TooltipSubtitleFormat = "{{X_VALUE}}",
    };

    // Counts are whole: an automatic tick between two of them (0.5) is left without a label.
    private static string WholeCount(double value) =>
        value % 1 == 0 ? value.ToString("N0", CultureInfo.CurrentCulture) : "";

    private static string Count(long value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
