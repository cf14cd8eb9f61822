namespace EdgeKv.Web.Theming;

/// <summary>How a person wants the console to look; kept in the <see cref="ThemeEndpoints.CookieName"/> cookie.</summary>
public enum ThemeMode
{
    /// <summary>Dark when the operating system is (the default).</summary>
    System,

    /// <summary>Always light.</summary>
    Light,

    /// <summary>Always dark.</summary>
    Dark,
}
