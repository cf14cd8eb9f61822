using EdgeKv.Web.Components.Pages.Admin.Nodes;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Pages.Nodes;

/// <summary>How the node page words durations and addresses.</summary>
public sealed class NodeTextTests
{
    [Theory]
    [InlineData(0, "0 s")]
    [InlineData(850, "850 ms")]
    [InlineData(1_240, "1.2 s")]
    [InlineData(60_000, "60 s")]
    [InlineData(95_400, "95 s")]
    [InlineData(150_000, "2.5 min")]
    public void Duration_Milliseconds_ReadsInTheUnitThatFits(int milliseconds, string expected)
    {
        using var culture = new CultureScope("en");

        Assert.Equal(expected, NodeText.Duration(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", "127.0.0.1:5080")]
    [InlineData(null, "—")]
    public void Address_ConsoleUrl_HostAndPort(string? url, string expected) => Assert.Equal(expected, NodeText.Address(url));
}
