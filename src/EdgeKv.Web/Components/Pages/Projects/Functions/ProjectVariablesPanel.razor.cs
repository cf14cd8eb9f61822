using EdgeKv.Domain.Events;
using EdgeKv.Domain.Variables;
using Microsoft.AspNetCore.Components;

namespace EdgeKv.Web.Components.Pages.Projects.Functions;

/// <summary>
/// A project's environment variables (环境变量): list, add, edit, delete, secret or not. A secret reads as dots and
/// its value never comes back from the domain: editing one leaves the value empty, and empty keeps it. The name and
/// value rules answer in the form before anything is sent (<see cref="ProjectVariableRules"/>, the service's own).
/// </summary>
public sealed partial class ProjectVariablesPanel
{
    private IReadOnlyList<ProjectVariableView>? _variables;
    private VariableForm? _form;

    /// <summary>The project whose variables are shown.</summary>
    [Parameter, EditorRequired]
    public int ProjectId { get; set; }

    [Inject]
    private ProjectVariableService Variables { get; set; } = default!;

    // Variables change only through this panel (or the API of a later slice): it reloads after its own changes.
    protected override bool Concerns(DomainEvent domainEvent) => false;

    protected override async Task LoadDataAsync() => _variables = await Variables.ListAsync(Caller, ProjectId);

    private void StartAdd() => _form = new VariableForm();

    private void StartEdit(ProjectVariableView variable) =>
        _form = new VariableForm { Id = variable.Id, Name = variable.Name, Value = variable.Value ?? "", IsSecret = variable.IsSecret, WasSecret = variable.IsSecret };

    private async Task SaveAsync()
    {
        var form = _form!;
        // An edited secret's empty value means "keep it" (it was never shown to be sent back).
        var newValue = form.WasSecret && string.IsNullOrEmpty(form.Value) ? null : form.Value ?? "";
        form.NameError = form.Id is null && ProjectVariableRules.NameError(form.Name?.Trim()) is { } nameError ? Errors.For(nameError) : null;
        form.ValueError = ProjectVariableRules.ValueError(newValue) is { } valueError ? Errors.For(valueError) : null;
        if (form.NameError is not null || form.ValueError is not null)
        {
            return;
        }

        var name = form.Name?.Trim() ?? "";
        var saved = await ChangeAsync(
            () => form.Id is { } id
                ? Variables.UpdateAsync(Caller, id, newValue, form.IsSecret)
                : Variables.AddAsync(Caller, ProjectId, name, newValue ?? "", form.IsSecret),
            L["Variables.Saved", name]);
        if (saved)
        {
            _form = null;
            await LoadAsync();
        }
    }

    private async Task DeleteAsync(ProjectVariableView variable)
    {
        if (await ConfirmAsync(L["Variables.Delete.Confirm", variable.Name], L["Common.Delete"], L["Common.Delete"])
            && await ChangeAsync(() => Variables.DeleteAsync(Caller, variable.Id), L["Variables.Deleted", variable.Name]))
        {
            await LoadAsync();
        }
    }

    private sealed class VariableForm
    {
        public int? Id { get; init; }

        public string? Name { get; set; } = "";

        public string? Value { get; set; } = "";

        public bool IsSecret { get; set; }

        public bool WasSecret { get; init; }

        public string? NameError { get; set; }

        public string? ValueError { get; set; }
    }
}
