using EdgeKv.Domain.Namespaces;
using EdgeKv.Web.Hosting;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;

namespace EdgeKv.Web.Components.Pages.Kv;

/// <summary>
/// 连接信息 of one namespace: the id programs use, its KV Connect and HTTP API URLs (from <see cref="ConnectionUrls"/>,
/// as the 访问令牌 page shows them) and a Deno and a curl snippet, each copyable; the token is a placeholder.
/// </summary>
public sealed partial class NamespaceConnect
{
    private string _kvConnect = "";
    private string _httpApi = "";
    private string _deno = "";
    private string _curl = "";

    /// <summary>The namespace shown.</summary>
    [Parameter, EditorRequired]
    public NamespaceView Namespace { get; set; } = default!;

    [Inject]
    private ConsoleListeners Listeners { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        var urls = new ConnectionUrls(Navigation.BaseUri, Listeners.KvConnectUrl);
        _kvConnect = urls.KvConnect(Namespace.StoreId);
        _httpApi = urls.HttpApi(Namespace.StoreId);
        _deno = ConnectionSnippets.Deno(urls, Namespace.StoreId);
        _curl = ConnectionSnippets.Curl(urls, Namespace.StoreId);
    }
}
