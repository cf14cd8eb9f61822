using EdgeKv.Web.Hosting;

namespace EdgeKv.Web.Theming;

/// <summary>
/// <c>GET /theme/set?mode=dark&amp;returnUrl=/kv</c>: stores the theme in a cookie and goes back, like the language
/// switch: a circuit cannot set cookies, and the static account pages must follow the choice too.
/// </summary>
internal static class ThemeEndpoints
{
    public const string SetPath = "/theme/set";

    public const string CookieName = "EdgeKv.Theme";

    public static IEndpointRouteBuilder MapThemeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(SetPath, SetTheme).AllowAnonymous();
        return endpoints;
    }

    /// <summary>The URL that switches to <paramref name="mode"/> and returns to <paramref name="returnUrl"/>.</summary>
    public static string UrlFor(ThemeMode mode, string returnUrl) =>
        $"{SetPath.TrimStart('/')}?mode={mode.ToString().ToLowerInvariant()}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    /// <summary>The mode a request asked for with its cookie; <see cref="ThemeMode.System"/> when it has none.</summary>
    public static ThemeMode ModeOf(HttpRequest request) => Parse(request.Cookies[CookieName]) ?? ThemeMode.System;

    private static ThemeMode? Parse(string? value) =>
        Enum.TryParse<ThemeMode>(value, ignoreCase: true, out var mode) && Enum.IsDefined(mode) && !int.TryParse(value, out _) ? mode : null;

    private static IResult SetTheme(HttpContext context, string? mode, string? returnUrl)
    {
        if (Parse(mode) is not { } parsed)
        {
            return Results.BadRequest("mode must be one of: system, light, dark");
        }

        return PreferenceCookie.RememberAndReturn(context, CookieName, parsed.ToString().ToLowerInvariant(), returnUrl);
    }
}
