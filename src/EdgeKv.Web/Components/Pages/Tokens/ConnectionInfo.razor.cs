using EdgeKv.Domain.Namespaces;
using EdgeKv.Web.Hosting;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;

namespace EdgeKv.Web.Components.Pages.Tokens;

/// <summary>How programs reach each of the person's namespaces: the HTTP API base URL and Deno's KV Connect URL.</summary>
public sealed partial class ConnectionInfo
{
    private IReadOnlyList<NamespaceView> _namespaces = [];
    private ConnectionUrls _urls = default!;

    [Inject]
    private NamespaceService Namespaces { get; set; } = default!;

    [Inject]
    private ConsoleCaller CallerSource { get; set; } = default!;

    [Inject]
    private ConsoleListeners Listeners { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        _urls = new ConnectionUrls(Navigation.BaseUri, Listeners.KvConnectUrl);
        var caller = await CallerSource.GetAsync();
        try
        {
            _namespaces = await Namespaces.ListAsync(caller, caller.UserId);
        }
        catch (Exception)
        {
            // No KV account yet: nothing to connect to, the empty note says so.
            _namespaces = [];
        }
    }
}
