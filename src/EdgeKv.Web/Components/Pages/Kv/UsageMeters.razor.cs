using System.Globalization;
using EdgeKv.Domain.Accounts;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EdgeKv.Web.Components.Pages.Kv;

/// <summary>存储用量 and 命名空间数量 of an open account: each a figure, a bar and the share used.</summary>
public sealed partial class UsageMeters
{
    /// <summary>The open account whose use is shown.</summary>
    [Parameter, EditorRequired]
    public AccountView Account { get; set; } = default!;

    private double BytesPercent => DisplayFormat.Percent(Account.UsedBytes, Account.CapacityBytes);

    private double NamespacesPercent => DisplayFormat.Percent(Account.NamespaceCount, Account.MaxNamespaces);

    // Quiet until the limit is near: amber from 80 %, red when full.
    private static Color ColorOf(double percent) => percent switch
    {
        >= 100 => Color.Error,
        >= 80 => Color.Warning,
        _ => Color.Primary,
    };

    private static string Whole(double percent) => Math.Floor(percent).ToString(CultureInfo.InvariantCulture);
}
