using BlazorMonaco.Editor;
using EdgeKv.Domain.Deployments;
using EdgeKv.Domain.Events;
using EdgeKv.Web.Components.Shared;
using EdgeKv.Web.Hosting;
using EdgeKv.Web.Theming;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace EdgeKv.Web.Components.Pages.Projects.Functions;

/// <summary>
/// The project's code: its files (from the active deployment, or a starter <c>index.js</c>), a file list with 新建文件,
/// 重命名 and 删除, the Monaco editor, 保存草稿 (the tab's draft, <see cref="FunctionDrafts"/>) and 部署 (the draft
/// through <see cref="DeploymentService.DeployAsync"/> as the signed-in person; a refusal is shown and changes nothing).
/// A file over <see cref="CircuitLimits.MaxEditorFileCharacters"/> is never sent to the editor nor read back from it
/// (either would drop the circuit): it is shown read-only and empty with why, and kept and deployed as it is.
/// </summary>
public sealed partial class FunctionEditor
{
    // The editor's element id, which BlazorMonaco names it by.
    private const string EditorId = "function-code";

    private FunctionDraft? _draft;
    private string _current = FunctionDraft.StarterPath;
    private StandaloneCodeEditor? _editor;
    private IJSObjectReference? _module;
    private bool _monacoReady;
    private bool _dark;
    private bool _busy;
    private string? _deployError;
    private string? _editorRefusal;

    /// <summary>The project.</summary>
    [Parameter, EditorRequired]
    public int ProjectId { get; set; }

    [Inject]
    private DeploymentService Deployments { get; set; } = default!;

    [Inject]
    private FunctionDrafts Drafts { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [CascadingParameter]
    private ThemeMode ThemeMode { get; set; }

    private string StateText => _draft switch
    {
        { BaseDeploymentId: null } => L["Functions.State.Starter"],
        { Changed: true } draft => L["Functions.State.Draft", draft.BaseDeploymentId!.Value],
        var draft => L["Functions.State.Deployment", draft!.BaseDeploymentId!.Value],
    };

    // The draft is this tab's own: a deploy made elsewhere shows in the deployments list, and never replaces what is
    // being edited here.
    protected override bool Concerns(DomainEvent domainEvent) => false;

    protected override async Task LoadDataAsync()
    {
        var draft = Drafts.Find(ProjectId);
        if (draft is null)
        {
            // Listing also checks that the person may reach the project.
            var active = (await Deployments.ListAsync(Caller, ProjectId)).FirstOrDefault(d => d.IsActive);
            draft = active is null
                ? FunctionDraft.Starter()
                : FunctionDraft.Of(active.Id, await Deployments.FilesAsync(Caller, ProjectId, active.Id));
            Drafts.Keep(ProjectId, draft);
        }

        _draft = draft;
        if (!draft.Files.ContainsKey(_current))
        {
            _current = draft.Files.Keys.First();
        }

        _editorRefusal = FitsEditor(_current) ? null : TooLargeToOpen(_current);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Pages/Projects/Functions/FunctionEditor.razor.js");
            if (_module is null)
            {
                return;
            }

            _dark = ThemeMode == ThemeMode.Dark || (ThemeMode == ThemeMode.System && await _module.InvokeAsync<bool>("prefersDark"));
            _monacoReady = await _module.InvokeAsync<bool>("loadMonaco");
            StateHasChanged();
        }
        catch (JSDisconnectedException)
        {
            // The tab went while the editor loaded.
        }
    }

    protected override async ValueTask DisposeLiveAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The tab is gone, and the module with it.
            }
        }
    }

    private StandaloneEditorConstructionOptions EditorOptions(StandaloneCodeEditor editor) => new()
    {
        AutomaticLayout = true,
        Language = LanguageOf(_current),
        Value = FitsEditor(_current) ? _draft!.Files[_current] : "",
        ReadOnly = !FitsEditor(_current),
        Theme = _dark ? "vs-dark" : "vs",
        Minimap = new EditorMinimapOptions { Enabled = false },
        ScrollBeyondLastLine = false,
        FontSize = 13,
    };

    private static string LanguageOf(string path) => path.EndsWith(".ts", StringComparison.Ordinal) ? "typescript" : "javascript";

    private bool FitsEditor(string path) => _draft!.Files[path].Length <= CircuitLimits.MaxEditorFileCharacters;

    private string TooLargeToOpen(string path) =>
        L["Functions.FileTooLargeToOpen", path, _draft!.Files[path].Length, CircuitLimits.MaxEditorFileCharacters, ProjectId];

    // What the editor holds goes into the draft before anything reads or replaces it; false (and why, shown) when it
    // holds more than the editor's limit, which is then not read: the caller stops.
    private async Task<bool> CaptureAsync()
    {
        if (_editor is null || _module is null || !_draft!.Files.ContainsKey(_current) || !FitsEditor(_current))
        {
            // No editor, or a file too large to open: the draft keeps it as it is.
            return true;
        }

        var length = await _module.InvokeAsync<int>("textLength", EditorId);
        if (length > CircuitLimits.MaxEditorFileCharacters)
        {
            _editorRefusal = L["Functions.FileTooLargeToSave", _current, length, CircuitLimits.MaxEditorFileCharacters, ProjectId];
            return false;
        }

        _editorRefusal = null;
        _draft.Files[_current] = await _editor.GetValue();
        return true;
    }

    private async Task ShowAsync(string path)
    {
        _current = path;
        var fits = FitsEditor(path);
        _editorRefusal = fits ? null : TooLargeToOpen(path);
        if (_editor is not null)
        {
            await _editor.UpdateOptions(new EditorUpdateOptions { ReadOnly = !fits });
            await _editor.SetValue(fits ? _draft!.Files[path] : "");
            await Global.SetModelLanguage(await _editor.GetModel(), LanguageOf(path));
        }
    }

    private async Task SelectAsync(string path)
    {
        if (path == _current)
        {
            return;
        }

        if (await CaptureAsync())
        {
            await ShowAsync(path);
        }
    }

    private async Task NewFileAsync()
    {
        if (!await CaptureAsync())
        {
            return;
        }

        if (await AskPathAsync(L["Functions.NewFile"], "", L["Common.Create"]) is { } path)
        {
            _draft!.Files[path] = FunctionDraft.NewFileSource;
            await ShowAsync(path);
        }
    }

    private async Task RenameFileAsync()
    {
        if (!await CaptureAsync())
        {
            return;
        }

        var from = _current;
        if (await AskPathAsync(L["Functions.RenameFile"], from, L["Common.Save"]) is { } path && path != from)
        {
            _draft!.Files[path] = _draft.Files[from];
            _draft.Files.Remove(from);
            await ShowAsync(path);
        }
    }

    private async Task DeleteFileAsync()
    {
        var path = _current;
        if (_draft!.Files.Count > 1 && await ConfirmAsync(L["Functions.DeleteFile.Confirm", path], L["Functions.DeleteFile"], L["Common.Delete"]))
        {
            _draft.Files.Remove(path);
            await ShowAsync(_draft.Files.Keys.First());
        }
    }

    private async Task<string?> AskPathAsync(string title, string initial, string submit)
    {
        var taken = _draft!.Files.Keys.Where(p => p != initial).ToList();
        return await Dialogs.OpenAsync<FileNameDialog>(title, new DialogParameters
        {
            [nameof(FileNameDialog.InitialPath)] = initial,
            [nameof(FileNameDialog.TakenPaths)] = taken,
            [nameof(FileNameDialog.SubmitText)] = submit,
        }) as string;
    }

    private async Task SaveAsync()
    {
        if (await CaptureAsync())
        {
            Snackbar.Add(L["Functions.DraftSaved"], Severity.Success);
        }
    }

    private async Task DeployAsync()
    {
        _busy = true;
        _deployError = null;
        try
        {
            if (!await CaptureAsync())
            {
                return;
            }

            var deployment = await Deployments.DeployAsync(Caller, ProjectId, _draft!.Files);
            _draft = FunctionDraft.Of(deployment.Id, _draft.Files);
            Drafts.Keep(ProjectId, _draft);
            Snackbar.Add(L["Functions.Deployed", deployment.Id], Severity.Success);
        }
        catch (Exception exception)
        {
            _deployError = Errors.For(exception);
        }
        finally
        {
            _busy = false;
        }
    }
}
