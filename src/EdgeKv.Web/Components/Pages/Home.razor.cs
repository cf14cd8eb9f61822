using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EdgeKv.Web.Components.Pages;

/// <summary>The landing page: what KV storage is and what it is for (EdgeOne's overview), open to everyone.</summary>
public partial class Home
{
    private static readonly UseCase[] UseCases =
    [
        new(Icons.Material.Outlined.Speed, "Home.UseCase.Counter.Title", "Home.UseCase.Counter.Text"),
        new(Icons.Material.Outlined.Key, "Home.UseCase.Secrets.Title", "Home.UseCase.Secrets.Text"),
        new(Icons.Material.Outlined.ShoppingCart, "Home.UseCase.Cart.Title", "Home.UseCase.Cart.Text"),
    ];

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private void OpenKv() => Navigation.NavigateTo("kv");

    private sealed record UseCase(string Icon, string TitleKey, string TextKey);
}
