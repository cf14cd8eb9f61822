using Microsoft.AspNetCore.Components;

namespace EdgeKv.Web.Components.Pages;

/// <summary>The landing page: what KV storage is and what it is for (EdgeOne's overview), open to everyone.</summary>
public partial class Home
{
    private static readonly UseCase[] UseCases =
    [
        new("speed", "Home.UseCase.Counter.Title", "Home.UseCase.Counter.Text"),
        new("key", "Home.UseCase.Secrets.Title", "Home.UseCase.Secrets.Text"),
        new("shopping_cart", "Home.UseCase.Cart.Title", "Home.UseCase.Cart.Text"),
    ];

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private void OpenKv() => Navigation.NavigateTo("kv");

    private sealed record UseCase(string Icon, string TitleKey, string TextKey);
}
