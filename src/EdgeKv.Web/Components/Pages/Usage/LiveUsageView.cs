using EdgeKv.Domain.Events;
using EdgeKv.Domain.Usage;
using EdgeKv.Web.Components.Pages.Admin.Audit;
using EdgeKv.Web.Components.Shared;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace EdgeKv.Web.Components.Pages.Usage;

/// <summary>
/// The live part of a usage view (a namespace's, the platform's): the chosen range, the reader's clock, and a reload
/// after every usage flush (<see cref="UsageFlushes"/>: every few seconds while anything is used, nothing while idle),
/// so new minutes appear without polling. A view says only how it reads its series.
/// </summary>
public abstract class LiveUsageView : LivePage
{
    private LiveFeed? _flushes;

    /// <summary>What the charts show; null until loaded.</summary>
    protected UsageSeries? Series { get; private set; }

    /// <summary>The range the reader chose.</summary>
    protected UsageRange Range { get; private set; } = UsageRange.LastHour;

    /// <summary>The reader's clock, UTC until the browser says its zone.</summary>
    protected BrowserClock Clock { get; private set; } = BrowserClock.Utc;

    [Inject]
    private UsageFlushes Flushes { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>Reads the series of <paramref name="range"/>; a refusal becomes the page's load error.</summary>
    protected abstract Task<UsageSeries> ReadSeriesAsync(UsageRange range);

    /// <inheritdoc />
    protected override bool Concerns(DomainEvent domainEvent) => false;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        _flushes = LiveFeed.Start(Flushes.Subscribe, _ => InvokeAsync(ReloadAsync));
    }

    /// <inheritdoc />
    protected override async Task LoadDataAsync() => Series = await ReadSeriesAsync(Range);

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            Clock = await BrowserClock.ReadAsync(JS);
            StateHasChanged();
        }
    }

    /// <summary>Shows another range.</summary>
    protected Task ChangeRangeAsync(UsageRange range)
    {
        Range = range;
        return ReloadAsync();
    }

    /// <inheritdoc />
    protected override async ValueTask DisposeLiveAsync()
    {
        if (_flushes is not null)
        {
            await _flushes.DisposeAsync();
        }
    }
}
