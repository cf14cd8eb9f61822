namespace EdgeKv.Domain;

/// <summary>The administrator <see cref="Seeding.DomainSeeder"/> creates when no user has the e-mail yet.</summary>
public sealed class AdminAccountOptions
{
    /// <summary>Sign-in e-mail (<c>EdgeKv:Admin:Email</c>).</summary>
    public string Email { get; set; } = EdgeKvDomainOptions.DefaultAdminEmail;

    /// <summary>
    /// Initial password (<c>EdgeKv:Admin:Password</c>); used only when the admin is created. When none is configured,
    /// the seeder generates a random one, shows it once through <see cref="Seeding.IInitialAdminPasswordNotice"/> and
    /// requires a new one at the first sign-in. A configured password is the operator's choice and is not flagged.
    /// </summary>
    public string? Password { get; set; }
}
