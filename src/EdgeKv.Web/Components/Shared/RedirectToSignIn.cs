using Microsoft.AspNetCore.Components;

namespace EdgeKv.Web.Components.Shared;

/// <summary>Sends an anonymous visitor to the sign-in page, which brings them back to where they were going.</summary>
public sealed class RedirectToSignIn : ComponentBase
{
    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        var returnUrl = "/" + Navigation.ToBaseRelativePath(Navigation.Uri);
        Navigation.NavigateTo($"account/signin?returnUrl={Uri.EscapeDataString(returnUrl)}", forceLoad: true);
    }
}
