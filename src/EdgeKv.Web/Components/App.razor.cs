using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using EdgeKv.Web.Theming;

namespace EdgeKv.Web.Components;

/// <summary>
/// The document. Pages run interactively on the server, except the account pages (sign in, register, sign out),
/// which are marked <c>[ExcludeFromInteractiveRouting]</c> and render statically because only a plain HTTP request
/// can set the authentication cookie. Interactive pages are not prerendered: a page initializes once, in its circuit,
/// so its data is loaded and its live subscriptions are opened exactly once, and nothing on screen is clickable
/// before it works.
/// </summary>
public partial class App
{
    private static readonly IComponentRenderMode InteractiveWithoutPrerender = new InteractiveServerRenderMode(prerender: false);

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    private IComponentRenderMode? PageRenderMode => HttpContext.AcceptsInteractiveRouting() ? InteractiveWithoutPrerender : null;

    private static string Language => CultureInfo.CurrentUICulture.Name;

    // Read once from the request that loads the document; the pages get it as a cascading value (Routes).
    private ThemeMode ThemeMode => ThemeEndpoints.ModeOf(HttpContext.Request);
}
