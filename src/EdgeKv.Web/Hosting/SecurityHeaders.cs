namespace EdgeKv.Web.Hosting;

/// <summary>
/// The security headers of every response, pages and APIs alike (a JSON or protobuf answer ignores the page-only
/// ones, and <c>nosniff</c> protects it too). HSTS is added separately (<c>UseHsts</c>), only to HTTPS responses.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// The console's Content-Security-Policy, the tightest it runs under with no violation: every script is a file of
    /// this origin (blazor.web.js, MudBlazor's, the SignalR client) and no page has inline script; the circuit's
    /// WebSocket is same-origin ('self' covers ws: and wss: of this origin in CSP Level 3 browsers); MudBlazor sets
    /// style attributes and writes style blocks at run time, hence style-src 'unsafe-inline' (styles cannot run code);
    /// data: images for MudBlazor's inline SVG backgrounds. No frames, no plugins, no foreign form targets. Interactive
    /// pages also carry Blazor's own <c>frame-ancestors 'self'</c> policy; a browser enforces both, so 'none' wins.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; " +
        "form-action 'self'";

    /// <summary>Sends the console's own URL to its own pages only; other sites see the origin of an https link.</summary>
    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    /// <summary>Adds the headers to every response, before it starts.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = ReferrerPolicy;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            return next(context);
        });
}
