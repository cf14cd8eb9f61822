using System.Globalization;
using EdgeKv.Web.Components.Pages.Admin.Audit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace EdgeKv.Web.Components.Pages.Admin.Nodes;

/// <summary>Draws a <see cref="NodeLagSeries"/>: a line per node, the axis in ms/s/min; the page loads and passes it.</summary>
public sealed partial class NodeLagChart
{
    private static readonly string[] Palette = ["#1e88e5", "#f9a825", "#e53935", "#00897b", "#5e35b1", "#6d4c41"];

    private List<ChartSeries<double>> _lines = [];
    private LineChartOptions _options = new();
    private string[] _labels = [];

    /// <summary>What to draw; null while loading.</summary>
    [Parameter]
    public NodeLagSeries? Series { get; set; }

    /// <summary>The reader's clock, for the time axis.</summary>
    [Parameter]
    public BrowserClock Clock { get; set; } = BrowserClock.Utc;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        if (Series is not { HasData: true } series)
        {
            return;
        }

        _labels = [.. series.Minutes.Select(minute => Clock.ToLocal(minute).ToString("HH:mm", CultureInfo.InvariantCulture))];
        _lines = [.. series.Lines.Select(line => new ChartSeries<double> { Name = line.Name, Data = new ChartData<double>(line.Seconds), Visible = true })];
        _options = new LineChartOptions
        {
            ChartPalette = Palette,
            YAxisTicks = 0,
            MaxNumYAxisTicks = 5,
            YAxisRequireZeroPoint = true,
            YAxisToStringFunc = seconds => NodeText.Duration(TimeSpan.FromSeconds(seconds)),
            XAxisLines = false,
            LineStrokeWidth = 2,
            XAxisLabelInterval = 10,
            TooltipTitleFormat = "{{SERIES_NAME}}: {{Y_AXIS_VALUE}}",
            TooltipSubtitleFormat = "{{X_VALUE}}",

            // A node measured in one or two minutes only (just started) is a dot, not a line: mark it so it shows.
            ShowDataMarkers = series.Lines.Any(line => line.Seconds.Count(value => value is not null) <= 2),
        };
    }
}
