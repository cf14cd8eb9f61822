namespace EdgeKv.Web.Hosting;

/// <summary>Return URLs are followed only when they stay on this site, so no link of ours is an open redirect.</summary>
internal static class LocalUrl
{
    /// <summary>
    /// True for a path on this site: not <c>//host</c> or <c>/\host</c>, which browsers treat as other sites, and no
    /// control character (browsers drop tabs and newlines, so <c>/\t/host</c> is <c>//host</c> to them; ASP.NET's
    /// redirect refuses such a URL with an exception).
    /// </summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    /// <summary><paramref name="url"/> when local, else <paramref name="fallback"/>.</summary>
    public static string OrDefault(string? url, string fallback) => IsLocal(url) ? url! : fallback;
}
