using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using MudBlazor;

namespace EdgeKv.Web.Components.Shared;

/// <summary>Copies an id, a URL or a snippet to the clipboard and says so.</summary>
public sealed partial class CopyButton
{
    /// <summary>The text copied.</summary>
    [Parameter, EditorRequired]
    public string Text { get; set; } = "";

    /// <summary>What the text is, for screen readers ("命名空间 ID").</summary>
    [Parameter]
    public string What { get; set; } = "";

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> Localizer { get; set; } = default!;

    private async Task CopyAsync()
    {
        try
        {
            await JS.InvokeVoidAsync("navigator.clipboard.writeText", Text);
            Snackbar.Add(Localizer["Common.Copied"], Severity.Success);
        }
        catch (JSException)
        {
            // The browser refused (no clipboard permission, an insecure origin): the text stays selectable on the page.
            Snackbar.Add(Localizer["Common.CopyFailed"], Severity.Warning);
        }
    }
}
