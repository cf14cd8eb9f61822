using EdgeKv.Domain.Errors;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace EdgeKv.Web.Components.Shared;

/// <summary>Asks an admin for the reason of a decision (reject, suspend); closes with the text, or null when cancelled.</summary>
public sealed partial class ReasonDialog
{
    private string? _reason;
    private string? _error;

    /// <summary>True when an empty reason is refused.</summary>
    [Parameter]
    public bool Required { get; set; }

    [Inject]
    private DialogService Dialogs { get; set; } = default!;

    [Inject]
    private ErrorText Errors { get; set; } = default!;

    /// <summary>Opens the dialog; the reason, or null when cancelled.</summary>
    public static async Task<string?> AskAsync(DialogService dialogs, string title, bool required) =>
        await dialogs.OpenAsync<ReasonDialog>(title, new Dictionary<string, object?> { [nameof(Required)] = required }) as string;

    private void Submit()
    {
        var reason = _reason?.Trim() ?? "";
        if (Required && reason.Length == 0)
        {
            _error = Errors.For(DomainErrors.ReasonRequired);
            return;
        }

        Dialogs.Close(reason);
    }
}
