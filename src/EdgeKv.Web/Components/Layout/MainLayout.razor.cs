using EdgeKv.Web.Theming;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace EdgeKv.Web.Components.Layout;

/// <summary>
/// The console's frame: the app bar (menu, brand, theme, language, user), the navigation drawer (persistent from
/// 1280 px; below, a pull-out menu, so tables keep their width on a 1024 px screen) and the page body inside an error
/// boundary. It owns MudBlazor's providers and the theme: light or dark as the person chose, or following the
/// operating system.
/// </summary>
public partial class MainLayout
{
    private MudThemeProvider? _themeProvider;
    private bool _drawerOpen = true;
    private bool _isDarkMode;
    private ErrorBoundary? _errorBoundary;

    /// <summary>The person's choice, from the theme cookie (Routes).</summary>
    [CascadingParameter]
    private ThemeMode ThemeMode { get; set; }

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        _isDarkMode = ThemeMode == ThemeMode.Dark;

        // A fault on one page must not stick to the next: navigating clears the boundary.
        _errorBoundary?.Recover();
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && ThemeMode == ThemeMode.System && _themeProvider is not null)
        {
            _isDarkMode = await _themeProvider.GetSystemDarkModeAsync();
            await _themeProvider.WatchSystemDarkModeAsync(SystemDarkModeChangedAsync);
            StateHasChanged();
        }
    }

    private Task SystemDarkModeChangedAsync(bool isDark)
    {
        _isDarkMode = isDark;
        return InvokeAsync(StateHasChanged);
    }
}
