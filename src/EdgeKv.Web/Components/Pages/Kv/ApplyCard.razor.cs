using Microsoft.AspNetCore.Components;

namespace EdgeKv.Web.Components.Pages.Kv;

/// <summary>立即申请 (or 重新申请 after a rejection, with the admin's reason): the limited-places note and an optional reason.</summary>
public sealed partial class ApplyCard
{
    private string? _reason;

    /// <summary>True when the last application was rejected (shows the reason and "apply again").</summary>
    [Parameter]
    public bool Rejected { get; set; }

    /// <summary>The admin's reason for the rejection.</summary>
    [Parameter]
    public string? DecisionReason { get; set; }

    /// <summary>True while the application is being sent.</summary>
    [Parameter]
    public bool Busy { get; set; }

    /// <summary>Sends the application with the optional reason.</summary>
    [Parameter]
    public EventCallback<string?> OnApply { get; set; }

    private Task ApplyAsync() => OnApply.InvokeAsync(_reason);
}
