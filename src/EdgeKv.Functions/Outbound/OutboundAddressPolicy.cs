using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace EdgeKv.Functions.Outbound;

/// <summary>
/// Which addresses a function's <c>fetch</c> may connect to: only globally routable ones. Refused: loopback, private
/// (10/8, 172.16/12, 192.168/16, 100.64/10), link-local, unique-local (fc00::/7), site-local, multicast, unspecified,
/// broadcast, the reserved and documentation ranges, the host's own interface addresses, and the IPv4-mapped,
/// IPv4-compatible and NAT64 forms of any of them. Checked on the address a name resolved to, at connect time, so a
/// name (<c>localhost</c>, a DNS record pointing at 10.x) is no way around it.
/// </summary>
public static class OutboundAddressPolicy
{
    // IPv4 networks that are not the public internet (IANA special-purpose registry, the ones that matter here).
    private static readonly IPNetwork[] s_refusedV4 =
    [
        IPNetwork.Parse("0.0.0.0/8"),        // "this network", unspecified
        IPNetwork.Parse("10.0.0.0/8"),       // private
        IPNetwork.Parse("100.64.0.0/10"),    // shared address space (carrier-grade NAT)
        IPNetwork.Parse("127.0.0.0/8"),      // loopback
        IPNetwork.Parse("169.254.0.0/16"),   // link-local (cloud metadata services live here)
        IPNetwork.Parse("172.16.0.0/12"),    // private
        IPNetwork.Parse("192.0.0.0/24"),     // IETF protocol assignments
        IPNetwork.Parse("192.0.2.0/24"),     // documentation
        IPNetwork.Parse("192.168.0.0/16"),   // private
        IPNetwork.Parse("198.18.0.0/15"),    // benchmarking
        IPNetwork.Parse("198.51.100.0/24"),  // documentation
        IPNetwork.Parse("203.0.113.0/24"),   // documentation
        IPNetwork.Parse("224.0.0.0/4"),      // multicast
        IPNetwork.Parse("240.0.0.0/4"),      // reserved, and 255.255.255.255 broadcast
    ];

    private static readonly IPNetwork[] s_refusedV6 =
    [
        IPNetwork.Parse("::/128"),           // unspecified
        IPNetwork.Parse("::1/128"),          // loopback
        IPNetwork.Parse("fc00::/7"),         // unique-local
        IPNetwork.Parse("fe80::/10"),        // link-local
        IPNetwork.Parse("fec0::/10"),        // site-local (deprecated, still routed inside some networks)
        IPNetwork.Parse("ff00::/8"),         // multicast
        IPNetwork.Parse("2001:db8::/32"),    // documentation
        IPNetwork.Parse("100::/64"),         // discard-only
    ];

    private static readonly IPNetwork s_nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork s_v4Compatible = IPNetwork.Parse("::/96");

    /// <summary>True when a function may not connect to <paramref name="address"/>.</summary>
    public static bool IsRefused(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && EmbeddedV4(address) is { } v4)
        {
            return IsRefused(v4);
        }

        var refused = address.AddressFamily switch
        {
            AddressFamily.InterNetwork => s_refusedV4.Any(n => n.Contains(address)),
            AddressFamily.InterNetworkV6 => s_refusedV6.Any(n => n.Contains(address)),
            _ => true,
        };
        return refused || IsHostsOwn(address);
    }

    // ::ffff:a.b.c.d, ::a.b.c.d and 64:ff9b::a.b.c.d all reach a.b.c.d.
    private static IPAddress? EmbeddedV4(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if ((s_nat64.Contains(address) || s_v4Compatible.Contains(address)) && !address.Equals(IPAddress.IPv6Any) && !address.Equals(IPAddress.IPv6Loopback))
        {
            var bytes = address.GetAddressBytes();
            return new IPAddress(bytes.AsSpan(12, 4));
        }

        return null;
    }

    // A public address of the host itself still reaches its ports that listen on all interfaces.
    private static bool IsHostsOwn(IPAddress address) =>
        NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Any(u => u.Address.Equals(address));
}
