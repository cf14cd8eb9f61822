using EdgeKv.Domain.Usage;
using EdgeKv.Web.Components.Pages.Usage;
using Microsoft.AspNetCore.Components;

namespace EdgeKv.Web.Components.Pages.Admin;

/// <summary>
/// 平台管理 › 用量: the whole platform's usage (every namespace summed) over the last hour or day, live. Admins only
/// (the route's role, and the domain refuses anyone else).
/// </summary>
public sealed partial class AdminUsage : LiveUsageView
{
    [Inject]
    private UsageService Usage { get; set; } = default!;

    /// <inheritdoc />
    protected override Task<UsageSeries> ReadSeriesAsync(UsageRange range) => Usage.GetPlatformUsageAsync(Caller, range);
}
