using EdgeKv.Domain.Errors;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EdgeKv.Web.Components.Shared;

/// <summary>Asks an admin for the reason of a decision (reject, suspend); closes with the text, or null when cancelled.</summary>
public sealed partial class ReasonDialog
{
    private string? _reason;
    private string? _error;

    /// <summary>True when an empty reason is refused.</summary>
    [Parameter]
    public bool Required { get; set; }

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private ErrorText Errors { get; set; } = default!;

    /// <summary>Opens the dialog; the reason, or null when cancelled.</summary>
    public static async Task<string?> AskAsync(IDialogService dialogs, string title, bool required) =>
        await dialogs.OpenAsync<ReasonDialog>(title, new DialogParameters<ReasonDialog> { { d => d.Required, required } }) as string;

    private void Submit()
    {
        var reason = _reason?.Trim() ?? "";
        if (Required && reason.Length == 0)
        {
            _error = Errors.For(DomainErrors.ReasonRequired);
            return;
        }

        Dialog.Close(DialogResult.Ok(reason));
    }
}
