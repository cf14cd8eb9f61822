using Microsoft.AspNetCore.Components.Web;

namespace EdgeKv.Web.Components.Layout;

/// <summary>The console's frame: header (brand, language switch, user menu), sidebar menu, page body inside an error boundary.</summary>
public partial class MainLayout
{
    private bool _sidebarExpanded = true;
    private ErrorBoundary? _errorBoundary;

    /// <inheritdoc />
    protected override void OnParametersSet() =>
        // A fault on one page must not stick to the next: navigating clears the boundary.
        _errorBoundary?.Recover();
}
