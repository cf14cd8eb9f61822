using EdgeKv.Domain.Usage;
using Microsoft.AspNetCore.Components;

namespace EdgeKv.Web.Components.Pages.Usage;

/// <summary>
/// 用量: a namespace's reads, lists, writes, deletes and stored data over the last hour or day, live. The domain
/// decides who may see it: the namespace's owner and admins; anyone else reads "not found".
/// </summary>
public sealed partial class NamespaceUsagePanel
{
    /// <summary>The namespace's database id.</summary>
    [Parameter, EditorRequired]
    public int NamespaceId { get; set; }

    [Inject]
    private UsageService Usage { get; set; } = default!;

    /// <inheritdoc />
    protected override Task<UsageSeries> ReadSeriesAsync(UsageRange range) => Usage.GetNamespaceUsageAsync(Caller, NamespaceId, range);
}
