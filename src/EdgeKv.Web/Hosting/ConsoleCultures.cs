using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace EdgeKv.Web.Hosting;

/// <summary>
/// The console's languages: Simplified Chinese (the default, EdgeOne's wording) and English. The choice is kept in
/// the standard culture cookie, set by <see cref="CultureEndpoints"/>; the browser's Accept-Language is not consulted,
/// so a first visit is in Chinese as on EdgeOne.
/// </summary>
internal static class ConsoleCultures
{
    public const string Chinese = "zh-Hans";
    public const string English = "en";

    public static readonly string[] Supported = [Chinese, English];

    public static void Configure(RequestLocalizationOptions options)
    {
        options.SetDefaultCulture(Chinese)
            .AddSupportedCultures(Supported)
            .AddSupportedUICultures(Supported);
        options.RequestCultureProviders = [new CookieRequestCultureProvider()];
    }

    /// <summary>True when the current UI culture is Chinese.</summary>
    public static bool IsChinese(CultureInfo culture) =>
        culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
}
