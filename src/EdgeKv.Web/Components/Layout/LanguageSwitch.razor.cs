using System.Globalization;
using EdgeKv.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace EdgeKv.Web.Components.Layout;

/// <summary>Switches between Chinese and English, returning to the page the user is on.</summary>
public sealed partial class LanguageSwitch : IDisposable
{
    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private string SwitchUrl
    {
        get
        {
            var other = ConsoleCultures.IsChinese(CultureInfo.CurrentUICulture) ? ConsoleCultures.English : ConsoleCultures.Chinese;
            return CultureEndpoints.UrlFor(other, "/" + Navigation.ToBaseRelativePath(Navigation.Uri));
        }
    }

    /// <inheritdoc />
    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;

    /// <inheritdoc />
    protected override void OnInitialized() => Navigation.LocationChanged += OnLocationChanged;

    // The link carries the current page as its return URL, so it follows every navigation of the circuit.
    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => InvokeAsync(StateHasChanged);
}
