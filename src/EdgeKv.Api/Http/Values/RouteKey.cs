using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EdgeKv.Api.Http.Values;

/// <summary>
/// The string key of <c>.../values/{key}</c>, percent-decoded from the raw request target. The routed value cannot be
/// trusted for this: the server decodes the path except <c>%2F</c> (so a key containing '/' arrives still encoded)
/// while it does decode <c>%25</c>, which makes "a%2Fb" and "a/b" indistinguishable there. Unencoded slashes are
/// accepted too (the route is a catch-all), so <c>values/a/b</c> is the key "a/b".
/// </summary>
internal static class RouteKey
{
    private const string ValuesSegment = "/values/";

    public static string Of(HttpContext context, string? routedKey)
    {
        var namespaceId = context.Request.RouteValues["namespaceId"] as string;
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || string.IsNullOrEmpty(namespaceId))
        {
            return routedKey ?? "";
        }

        var query = raw.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? raw : raw[..query];
        var marker = "/" + namespaceId + ValuesSegment;
        var at = path.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? routedKey ?? "" : Uri.UnescapeDataString(path[(at + marker.Length)..]);
    }
}
