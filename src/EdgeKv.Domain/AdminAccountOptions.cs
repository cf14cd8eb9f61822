namespace EdgeKv.Domain;

/// <summary>The administrator <see cref="Seeding.DomainSeeder"/> creates when no user has the e-mail yet.</summary>
public sealed class AdminAccountOptions
{
    /// <summary>Sign-in e-mail (<c>EdgeKv:Admin:Email</c>).</summary>
    public string Email { get; set; } = EdgeKvDomainOptions.DefaultAdminEmail;

    /// <summary>Initial password (<c>EdgeKv:Admin:Password</c>); used only when the admin is created.</summary>
    public string Password { get; set; } = EdgeKvDomainOptions.DefaultAdminPassword;
}
