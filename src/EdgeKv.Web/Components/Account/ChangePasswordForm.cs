namespace EdgeKv.Web.Components.Account;

/// <summary>What the change-password form posts.</summary>
public sealed class ChangePasswordForm
{
    public string CurrentPassword { get; set; } = "";

    public string NewPassword { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";
}
