using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EdgeKv.Web.Components.Shared;

/// <summary>
/// How the console opens MudBlazor dialogs: one look (small, full width, closed by Escape but not by a stray click
/// outside, which would lose what was typed) and one answer: what the dialog closed with, or null when cancelled.
/// </summary>
public static class ConsoleDialogs
{
    private static readonly DialogOptions Options = new()
    {
        MaxWidth = MaxWidth.Small,
        FullWidth = true,
        CloseOnEscapeKey = true,
        BackdropClick = false,
        CloseButton = true,
    };

    /// <summary>Opens <typeparamref name="TDialog"/> titled <paramref name="title"/>; its result, or null when cancelled.</summary>
    public static async Task<object?> OpenAsync<TDialog>(this IDialogService dialogs, string title, DialogParameters? parameters = null, MaxWidth? width = null)
        where TDialog : IComponent
    {
        var options = width is { } w ? Options with { MaxWidth = w } : Options;
        var reference = await dialogs.ShowAsync<TDialog>(title, parameters ?? [], options);
        var result = await reference.Result;
        return result is { Canceled: false } ? result.Data : null;
    }

    /// <summary>Asks before something that cannot be undone; true when the person chose <paramref name="confirmText"/>.</summary>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string question, string title, string confirmText, string cancelText) =>
        await dialogs.ShowMessageBoxAsync(title, question, yesText: confirmText, cancelText: cancelText, options: Options) == true;
}
