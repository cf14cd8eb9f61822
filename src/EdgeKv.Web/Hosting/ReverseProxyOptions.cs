using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace EdgeKv.Web.Hosting;

/// <summary>
/// The reverse proxies (TLS terminators) whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the host believes,
/// from <c>EdgeKv:ReverseProxy</c>. None by default: a header from any other address is ignored, so a client cannot
/// claim https or another address. Behind a configured proxy the request is https as the client made it, so the
/// sign-in cookie is <c>Secure</c>, redirects are https and HSTS is sent.
/// </summary>
internal sealed class ReverseProxyOptions
{
    public const string SectionName = "EdgeKv:ReverseProxy";

    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.0.2</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR form, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>Applies these proxies to the forwarded-headers middleware, trusting nothing else (not even loopback).</summary>
    public void ApplyTo(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }

    /// <summary>True when every entry parses (checked at start-up, so a typo stops the host instead of trusting nothing silently).</summary>
    public bool IsValid() =>
        KnownProxies.All(proxy => IPAddress.TryParse(proxy, out _))
        && KnownNetworks.All(network => System.Net.IPNetwork.TryParse(network, out _));
}
