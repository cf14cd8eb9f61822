using EdgeKv.Domain.Deployments;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace EdgeKv.Web.Components.Pages.Projects.Functions;

/// <summary>
/// 新建文件 and 重命名: a path under <c>functions/</c>, checked by the rule deployments are checked by
/// (<see cref="FunctionFilePaths.IsValid"/>) and against the draft's other files. Closes with the path.
/// </summary>
public sealed partial class FileNameDialog
{
    private string _path = "";
    private string? _error;

    /// <summary>The path the field starts with (the current one, when renaming).</summary>
    [Parameter]
    public string InitialPath { get; set; } = "";

    /// <summary>The draft's other paths, which the new one must not repeat.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyCollection<string> TakenPaths { get; set; } = [];

    /// <summary>The submit button's text.</summary>
    [Parameter, EditorRequired]
    public string SubmitText { get; set; } = "";

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    /// <inheritdoc />
    protected override void OnInitialized() => _path = InitialPath;

    private void SubmitOnEnter(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            Submit();
        }
    }

    private void Submit()
    {
        var path = (_path ?? "").Trim();
        if (!FunctionFilePaths.IsValid(path))
        {
            _error = L["Functions.FileName.Invalid", path];
            return;
        }

        if (TakenPaths.Contains(path, StringComparer.Ordinal))
        {
            _error = L["Functions.FileName.Taken", path];
            return;
        }

        Dialog.Close(DialogResult.Ok(path));
    }
}
