using EdgeKv.Domain.Identity;
using EdgeKv.Web.Account;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace EdgeKv.Web.Components.Account;

/// <summary>
/// Changes the signed-in user's password. The admin whose password was generated at the first start lands here after
/// signing in and cannot leave (<see cref="MustChangePasswordMiddleware"/>) until the change clears the
/// <see cref="EdgeKvClaims.MustChangePassword"/> claim and a new cookie without it is issued. Static, as sign-in is,
/// because that cookie can only be set on a plain HTTP response.
/// </summary>
public partial class ChangePassword
{
    private readonly List<string> _errors = [];

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [Inject]
    private UserManager<ApplicationUser> Users { get; set; } = default!;

    [Inject]
    private SignInManager<ApplicationUser> SignInManager { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> Localizer { get; set; } = default!;

    // Null until a form post binds it (an initializer would be overwritten with null on a post: BL0008).
    [SupplyParameterFromForm]
    private ChangePasswordForm Input { get; set; } = default!;

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    private bool MustChange => HttpContext.User.HasClaim(EdgeKvClaims.MustChangePassword, "true");

    protected override void OnInitialized() => Input ??= new();

    private async Task ChangeAsync()
    {
        _errors.Clear();
        if (string.IsNullOrEmpty(Input.CurrentPassword) || string.IsNullOrEmpty(Input.NewPassword))
        {
            _errors.Add(Localizer["Account.Error.PasswordsRequired"]);
            return;
        }

        if (Input.NewPassword != Input.ConfirmPassword)
        {
            _errors.Add(Localizer["Account.Error.PasswordMismatch"]);
            return;
        }

        if (Input.NewPassword == Input.CurrentPassword)
        {
            _errors.Add(Localizer["Account.Error.SameAsCurrent"]);
            return;
        }

        if (await Users.GetUserAsync(HttpContext.User) is not { } user)
        {
            Navigation.NavigateTo(AccountPaths.SignIn.TrimStart('/'), forceLoad: true);
            return;
        }

        var changed = await Users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!changed.Succeeded)
        {
            _errors.AddRange(changed.Errors.Select(error => error.Description).Distinct());
            return;
        }

        var flags = (await Users.GetClaimsAsync(user)).Where(claim => claim.Type == EdgeKvClaims.MustChangePassword).ToList();
        if (flags.Count > 0)
        {
            await Users.RemoveClaimsAsync(user, flags);
        }

        // A new cookie from the user as stored now: without the claim, and with the new security stamp.
        await SignInManager.RefreshSignInAsync(user);
        Navigation.NavigateTo(AccountPaths.SafeReturnUrl(ReturnUrl), forceLoad: true);
    }
}
