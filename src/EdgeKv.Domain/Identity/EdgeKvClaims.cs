namespace EdgeKv.Domain.Identity;

/// <summary>The claims EdgeKv stores on users (Identity's user claims, so they travel in the sign-in cookie).</summary>
public static class EdgeKvClaims
{
    /// <summary>
    /// Present (value <c>true</c>) while the user must choose a new password before using the console: the admin whose
    /// password the seeder generated. Removed when the password is changed.
    /// </summary>
    public const string MustChangePassword = "edgekv:must_change_password";
}
