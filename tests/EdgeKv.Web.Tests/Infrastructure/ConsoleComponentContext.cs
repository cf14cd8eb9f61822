using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace EdgeKv.Web.Tests.Infrastructure;

/// <summary>
/// A bUnit context with what the console's components need: MudBlazor's services, the localizer over the real
/// resources, and a JS runtime that answers MudBlazor's calls. Derive a test class from it.
/// </summary>
public abstract class ConsoleComponentContext : BunitContext
{
    protected ConsoleComponentContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
    }

    /// <summary>
    /// Renders MudBlazor's popover provider, as the layout does: tooltips, menus and selects render their content
    /// there. Call it before rendering a component that has any; the returned component holds that content.
    /// </summary>
    protected IRenderedComponent<MudPopoverProvider> RenderPopovers() => Render<MudPopoverProvider>();

    /// <summary>
    /// Opens <typeparamref name="TDialog"/> through MudBlazor's dialog service, as a page does, and returns the
    /// provider that renders it (find the dialog's elements in it) with the dialog's reference (await its
    /// <c>Result</c> for what it closed with).
    /// </summary>
    protected async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> OpenDialogAsync<TDialog>(
        DialogParameters? parameters = null, string title = "dialog")
        where TDialog : IComponent
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        IDialogReference? reference = null;
        await provider.InvokeAsync(async () => reference = await dialogs.ShowAsync<TDialog>(title, parameters ?? []));
        return (provider, reference!);
    }
}
