using EdgeKv.Domain.Identity;
using EdgeKv.Web.Account;
using EdgeKv.Web.Diagnostics;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace EdgeKv.Web.Components.Account;

/// <summary>
/// Sign in with e-mail and password. A static page: the form posts back here and <see cref="SignInManager{TUser}"/>
/// sets the cookie on that plain HTTP response. Every failure reads the same, whether or not the e-mail is registered,
/// and takes the same work (an unknown e-mail is checked against <see cref="DecoyPasswordHash"/>). Accounts are never
/// locked: posts are rate limited per client address instead (<c>EdgeKv:RateLimits:SignIn</c>).
/// </summary>
public partial class SignIn
{
    private string? _error;

    [Inject]
    private SignInManager<ApplicationUser> SignInManager { get; set; } = default!;

    [Inject]
    private UserManager<ApplicationUser> Users { get; set; } = default!;

    [Inject]
    private IPasswordHasher<ApplicationUser> Hasher { get; set; } = default!;

    [Inject]
    private DecoyPasswordHash Decoy { get; set; } = default!;

    [Inject]
    private SignInAttempts Attempts { get; set; } = default!;

    // A static page: the request it answers.
    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

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

    /// <summary>Set by the registration page's redirect, whose answer is the same for a new and a taken e-mail.</summary>
    [SupplyParameterFromQuery]
    private bool Registered { get; set; }

    private string RegisterUrl => ReturnUrl is null ? "account/register" : $"account/register?returnUrl={Uri.EscapeDataString(ReturnUrl)}";

    private async Task SignInAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email) || string.IsNullOrEmpty(Input.Password))
        {
            _error = Localizer["Account.Error.Required"];
            return;
        }

        var user = await Users.FindByNameAsync(Input.Email.Trim());
        if (user is null)
        {
            Decoy.Check(Hasher, Input.Password);
            Attempts.UnknownUser(HttpContext?.Connection.RemoteIpAddress?.ToString());
            _error = Localizer["Account.Error.InvalidCredentials"];
            return;
        }

        var result = await SignInManager.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: false);
        if (!result.Succeeded)
        {
            // Also for an account locked before lockout was retired: another message would tell that it exists.
            _error = Localizer["Account.Error.InvalidCredentials"];
            return;
        }

        // During static rendering this becomes a redirect response carrying the new cookie.
        var returnUrl = AccountPaths.SafeReturnUrl(ReturnUrl);
        var mustChange = (await Users.GetClaimsAsync(user)).Any(claim => claim.Type == EdgeKvClaims.MustChangePassword);
        Navigation.NavigateTo(
            mustChange ? $"{AccountPaths.ChangePassword.TrimStart('/')}?returnUrl={Uri.EscapeDataString(returnUrl)}" : returnUrl,
            forceLoad: true);
    }
}
