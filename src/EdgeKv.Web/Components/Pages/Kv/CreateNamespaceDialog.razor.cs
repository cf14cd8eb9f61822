using EdgeKv.Domain;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace EdgeKv.Web.Components.Pages.Kv;

/// <summary>创建命名空间: a name, checked here for its shape and by the domain for everything else (limit, uniqueness).
/// Closes with the created <see cref="NamespaceView"/>; on refusal it stays open and says why.</summary>
public sealed partial class CreateNamespaceDialog
{
    private string _name = "";
    private string? _error;
    private bool _busy;

    [Inject]
    private NamespaceService Namespaces { get; set; } = default!;

    [Inject]
    private ConsoleCaller CallerSource { get; set; } = default!;

    [Inject]
    private ErrorText Errors { get; set; } = default!;

    [Inject]
    private DialogService Dialogs { get; set; } = default!;

    private async Task CreateAsync()
    {
        var name = _name.Trim();
        if (!DomainValidation.IsValidResourceName(name))
        {
            _error = Errors.For(DomainErrors.InvalidNamespaceName);
            return;
        }

        _busy = true;
        try
        {
            var created = await Namespaces.CreateAsync(await CallerSource.GetAsync(), name);
            Dialogs.Close(created);
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
