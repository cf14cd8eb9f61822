using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Namespaces;
using Microsoft.AspNetCore.Components;

namespace EdgeKv.Web.Components.Pages.Kv;

/// <summary>创建命名空间: a name, checked for its shape and then by the domain (limit, uniqueness). Closes with the created <see cref="NamespaceView"/>.</summary>
public sealed partial class CreateNamespaceDialog
{
    [Inject]
    private NamespaceService Namespaces { get; set; } = default!;

    private async Task<object?> CreateAsync(Caller caller, string name) => await Namespaces.CreateAsync(caller, name);
}
