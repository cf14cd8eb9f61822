namespace EdgeKv.Web.Hosting;

/// <summary>
/// How the console remembers a person's choice of language or theme: a year-long cookie that script cannot read, then
/// back to the page they were on. The switches are links to endpoints because a Blazor circuit cannot set cookies.
/// </summary>
internal static class PreferenceCookie
{
    /// <summary>Stores <paramref name="value"/> as <paramref name="name"/> and redirects to <paramref name="returnUrl"/> when it is on this site, else home.</summary>
    public static IResult RememberAndReturn(HttpContext context, string name, string value, string? returnUrl)
    {
        context.Response.Cookies.Append(
            name,
            value,
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });

        // Only local URLs: a switch must not become an open redirect.
        return Results.LocalRedirect(LocalUrl.OrDefault(returnUrl, "/"));
    }
}
