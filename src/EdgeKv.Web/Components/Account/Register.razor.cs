using EdgeKv.Domain.Identity;
using EdgeKv.Web.Account;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace EdgeKv.Web.Components.Account;

/// <summary>
/// Creates a user (e-mail as user name, role User) and signs them in. Static for the same reason as
/// <see cref="SignIn"/>. Identity's own rules (password strength, unique e-mail) speak through
/// <see cref="LocalizedIdentityErrorDescriber"/>.
/// </summary>
public partial class Register
{
    private readonly List<string> _errors = [];

    [Inject]
    private UserManager<ApplicationUser> Users { get; set; } = default!;

    [Inject]
    private SignInManager<ApplicationUser> SignInManager { get; set; } = default!;

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
        var created = await Users.CreateAsync(user, Input.Password);
        if (!created.Succeeded)
        {
            _errors.AddRange(created.Errors.Select(error => error.Description).Distinct());
            return;
        }

        await Users.AddToRoleAsync(user, EdgeKvRoles.User);
        await SignInManager.SignInAsync(user, isPersistent: false);
        Navigation.NavigateTo(AccountPaths.SafeReturnUrl(ReturnUrl), forceLoad: true);
    }
}
