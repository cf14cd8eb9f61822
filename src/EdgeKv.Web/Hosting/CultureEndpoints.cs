using Microsoft.AspNetCore.Localization;

namespace EdgeKv.Web.Hosting;

/// <summary>
/// <c>GET /culture/set?culture=en&amp;returnUrl=/kv</c>: stores the language in the culture cookie and goes back.
/// A Blazor circuit cannot set cookies, so the header's language switch navigates here with a full page load.
/// </summary>
internal static class CultureEndpoints
{
    public const string SetPath = "/culture/set";

    public static IEndpointRouteBuilder MapCultureEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(SetPath, SetCulture).AllowAnonymous();
        return endpoints;
    }

    /// <summary>The URL that switches to <paramref name="culture"/> and returns to <paramref name="returnUrl"/>.</summary>
    public static string UrlFor(string culture, string returnUrl) =>
        $"{SetPath.TrimStart('/')}?culture={Uri.EscapeDataString(culture)}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    private static IResult SetCulture(HttpContext context, string? culture, string? returnUrl)
    {
        if (culture is null || Array.IndexOf(ConsoleCultures.Supported, culture) < 0)
        {
            return Results.BadRequest($"culture must be one of: {string.Join(", ", ConsoleCultures.Supported)}");
        }

        return PreferenceCookie.RememberAndReturn(
            context, CookieRequestCultureProvider.DefaultCookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)), returnUrl);
    }
}
