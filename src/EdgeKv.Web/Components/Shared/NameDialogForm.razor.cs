using EdgeKv.Domain;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Errors;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace EdgeKv.Web.Components.Shared;

/// <summary>
/// The body of a dialog that asks for one resource name (创建命名空间, 新建项目, 重命名): the name is checked here for its
/// shape, with the dialog's own message, and by the domain for everything else (limits, uniqueness). The dialog closes
/// with what <see cref="Save"/> returned; a refusal keeps it open and says why.
/// </summary>
public sealed partial class NameDialogForm
{
    private string _name = "";
    private string? _error;
    private bool _busy;

    /// <summary>The rule for names, above the field.</summary>
    [Parameter, EditorRequired]
    public string Hint { get; set; } = "";

    /// <summary>The field's label.</summary>
    [Parameter, EditorRequired]
    public string Label { get; set; } = "";

    /// <summary>The text box's element id (tests and people's scripts find it by this).</summary>
    [Parameter, EditorRequired]
    public string InputId { get; set; } = "";

    /// <summary>The longest name the field takes.</summary>
    [Parameter]
    public int MaxLength { get; set; } = 64;

    /// <summary>The name the field starts with (the current one, when renaming).</summary>
    [Parameter]
    public string InitialName { get; set; } = "";

    /// <summary>The error shown for a name of the wrong shape.</summary>
    [Parameter, EditorRequired]
    public DomainError InvalidName { get; set; } = default!;

    /// <summary>The submit button's text.</summary>
    [Parameter, EditorRequired]
    public string SubmitText { get; set; } = "";

    /// <summary>More fields under the name (新建项目's template choice); <see cref="Save"/> reads them.</summary>
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    /// <summary>The domain call for a well-formed name; the dialog closes with its result (null: closed without change).</summary>
    [Parameter, EditorRequired]
    public Func<Caller, string, Task<object?>> Save { get; set; } = default!;

    [Inject]
    private ConsoleCaller CallerSource { get; set; } = default!;

    [Inject]
    private ErrorText Errors { get; set; } = default!;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    /// <inheritdoc />
    protected override void OnInitialized() => _name = InitialName;

    private Task SubmitOnEnterAsync(KeyboardEventArgs e) => e.Key == "Enter" && !_busy ? SubmitAsync() : Task.CompletedTask;

    private async Task SubmitAsync()
    {
        var name = _name.Trim();
        if (!DomainValidation.IsValidResourceName(name))
        {
            _error = Errors.For(InvalidName);
            return;
        }

        _busy = true;
        try
        {
            Dialog.Close(DialogResult.Ok(await Save(await CallerSource.GetAsync(), name)));
        }
        catch (Exception exception)
        {
            _error = Errors.For(exception);
        }
        finally
        {
            _busy = false;
        }
    }
}
