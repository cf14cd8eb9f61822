namespace EdgeKv.Web.Components.Account;

/// <summary>What the registration form posts.</summary>
public sealed class RegisterForm
{
    public string Email { get; set; } = "";

    public string Password { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";
}
