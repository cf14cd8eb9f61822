using EdgeKv.Domain.Identity;
using EdgeKv.Web.Account;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace EdgeKv.Web.Components.Account;

/// <summary>
/// Creates a user (e-mail as user name, role User) and sends them to sign in. Static for the same reason as
/// <see cref="SignIn"/>. Identity's rules on the password and the e-mail's form speak through
/// <see cref="LocalizedIdentityErrorDescriber"/>; a taken e-mail answers exactly as a new one (the same redirect and
/// message, nothing changed), so the form does not tell who is registered. That is also why registering does not sign
/// in: only the owner of the address knows its password.
/// </summary>
public partial class Register
{
    private readonly List<string> _errors = [];

    [Inject]
    private UserManager<ApplicationUser> Users { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> Localizer { get; set; } = default!;

    // Null until a form post binds it (an initializer would be overwritten with null on a post: BL0008).
    [SupplyParameterFromForm]
    private RegisterForm Input { get; set; } = default!;

    protected override void OnInitialized() => Input ??= new();

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    private async Task RegisterAsync()
    {
        _errors.Clear();
        if (string.IsNullOrWhiteSpace(Input.Email) || string.IsNullOrEmpty(Input.Password))
        {
            _errors.Add(Localizer["Account.Error.Required"]);
            return;
        }

        if (Input.Password != Input.ConfirmPassword)
        {
            _errors.Add(Localizer["Account.Error.PasswordMismatch"]);
            return;
        }

        var email = Input.Email.Trim();
        var user = new ApplicationUser { UserName = email, Email = email, CreatedAt = Time.GetUtcNow().UtcDateTime };
        // Identity checks the password first (and hashes it), then the user: a weak password is refused alike for a
        // new and a taken e-mail, and a taken one reaches the duplicate check after the same work.
        var created = await Users.CreateAsync(user, Input.Password);
        var errors = created.Errors.Where(error => !IsTaken(error)).Select(error => error.Description).Distinct().ToList();
        if (errors.Count > 0)
        {
            _errors.AddRange(errors);
            return;
        }

        if (created.Succeeded)
        {
            await Users.AddToRoleAsync(user, EdgeKvRoles.User);
        }

        var signIn = $"account/signin?registered=true&returnUrl={Uri.EscapeDataString(AccountPaths.SafeReturnUrl(ReturnUrl))}";
        Navigation.NavigateTo(signIn, forceLoad: true);
    }

    // The describer maps both to one code (the user name is the e-mail).
    private static bool IsTaken(IdentityError error) =>
        error.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName);
}
