using EdgeKv.Domain.Identity;
using EdgeKv.Web.Account;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace EdgeKv.Web.Components.Account;

/// <summary>
/// Sign in with e-mail and password. A static page: the form posts back here and <see cref="SignInManager{TUser}"/>
/// sets the cookie on that plain HTTP response. Five failures lock the account for five minutes.
/// </summary>
public partial class SignIn
{
    private string? _error;

    [Inject]
    private SignInManager<ApplicationUser> SignInManager { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> Localizer { get; set; } = default!;

    // Null until a form post binds it (an initializer would be overwritten with null on a post: BL0008).
    [SupplyParameterFromForm]
    private SignInForm Input { get; set; } = default!;

    protected override void OnInitialized() => Input ??= new();

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    private string RegisterUrl => ReturnUrl is null ? "account/register" : $"account/register?returnUrl={Uri.EscapeDataString(ReturnUrl)}";

    private async Task SignInAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email) || string.IsNullOrEmpty(Input.Password))
        {
            _error = Localizer["Account.Error.Required"];
            return;
        }

        var result = await SignInManager.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            // During static rendering this becomes a redirect response carrying the new cookie.
            Navigation.NavigateTo(AccountPaths.SafeReturnUrl(ReturnUrl), forceLoad: true);
            return;
        }

        _error = result.IsLockedOut ? Localizer["Account.Error.LockedOut"] : Localizer["Account.Error.InvalidCredentials"];
    }
}
