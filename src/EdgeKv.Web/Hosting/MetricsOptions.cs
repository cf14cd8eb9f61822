using System.Net;

namespace EdgeKv.Web.Hosting;

/// <summary>
/// Who may scrape <c>/metrics</c>, from <c>EdgeKv:Metrics</c>. Loopback only by default: the figures name namespaces
/// and show usage, so a scraper elsewhere must be allowed by network on purpose (e.g. <c>10.0.0.0/8</c>), and
/// <c>Enabled=false</c> removes the endpoint. Behind a configured reverse proxy the address checked is the client's.
/// </summary>
internal sealed class MetricsOptions
{
    public const string SectionName = "EdgeKv:Metrics";

    public const string Path = "/metrics";

    /// <summary>False removes the endpoint (the meter still runs, for other listeners).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Networks (CIDR) whose clients may scrape.</summary>
    public string[] AllowedNetworks { get; set; } = ["127.0.0.0/8", "::1/128"];

    public bool IsValid() => AllowedNetworks.All(network => IPNetwork.TryParse(network, out _));

    /// <summary>True when <paramref name="address"/> is in an allowed network (an IPv4-mapped IPv6 address counts as IPv4).</summary>
    public bool Allows(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return AllowedNetworks.Any(network => IPNetwork.Parse(network).Contains(plain));
    }
}
