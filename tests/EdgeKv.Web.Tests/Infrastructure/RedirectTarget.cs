namespace EdgeKv.Web.Tests.Infrastructure;

/// <summary>Where a redirect goes, as a path and query: static pages answer with absolute URLs, middleware with relative ones.</summary>
public static class RedirectTarget
{
    public static string? Of(HttpResponseMessage response) =>
        response.Headers.Location is { } location ? new Uri(new Uri("http://localhost/"), location).PathAndQuery : null;
}
