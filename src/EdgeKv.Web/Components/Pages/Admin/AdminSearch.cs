namespace EdgeKv.Web.Components.Pages.Admin;

/// <summary>How the admin lists match an e-mail search: a part of the address, in any case; an empty search matches all.</summary>
public static class AdminSearch
{
    /// <summary>True when <paramref name="email"/> contains <paramref name="search"/> (ignoring case and surrounding spaces).</summary>
    public static bool Matches(string? email, string? search) =>
        string.IsNullOrWhiteSpace(search) || (email?.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase) ?? false);
}
