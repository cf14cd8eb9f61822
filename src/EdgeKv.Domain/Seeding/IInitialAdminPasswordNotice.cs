namespace EdgeKv.Domain.Seeding;

/// <summary>
/// Where the seeder shows the admin password it generated on a fresh database: once, to the person starting the host.
/// Never a logger: log files outlive the first sign-in and are read by others.
/// </summary>
public interface IInitialAdminPasswordNotice
{
    /// <summary>Shows <paramref name="email"/> and its generated <paramref name="password"/>, which must be changed at first sign-in.</summary>
    void Show(string email, string password);
}
