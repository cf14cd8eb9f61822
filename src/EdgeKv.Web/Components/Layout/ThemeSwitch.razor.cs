using EdgeKv.Web.Theming;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace EdgeKv.Web.Components.Layout;

/// <summary>Chooses light, dark or the system's look, returning to the page the person is on.</summary>
public sealed partial class ThemeSwitch : IDisposable
{
    /// <summary>The mode in force.</summary>
    [Parameter]
    public ThemeMode Mode { get; set; }

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> Localizer { get; set; } = default!;

    /// <inheritdoc />
    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;

    /// <inheritdoc />
    protected override void OnInitialized() => Navigation.LocationChanged += OnLocationChanged;

    private static string ModeIcon(ThemeMode mode) => mode switch
    {
        ThemeMode.Light => Icons.Material.Outlined.LightMode,
        ThemeMode.Dark => Icons.Material.Outlined.DarkMode,
        _ => Icons.Material.Outlined.BrightnessAuto,
    };

    private string ModeText(ThemeMode mode) => mode switch
    {
        ThemeMode.Light => Localizer["Theme.Light"],
        ThemeMode.Dark => Localizer["Theme.Dark"],
        _ => Localizer["Theme.System"],
    };

    private string UrlFor(ThemeMode mode) => ThemeEndpoints.UrlFor(mode, "/" + Navigation.ToBaseRelativePath(Navigation.Uri));

    // The links carry the current page as their return URL, so they follow every navigation of the circuit.
    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => InvokeAsync(StateHasChanged);
}
