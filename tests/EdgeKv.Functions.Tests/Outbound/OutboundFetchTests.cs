using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using EdgeKv.Functions.Outbound;

namespace EdgeKv.Functions.Tests.Outbound;

/// <summary>
/// The host's fetch for functions, with names resolved by a resolver of the test's (this machine has no outside
/// internet and no DNS records of its own): a name is judged by the addresses it resolves to, at connect time.
/// </summary>
public sealed class OutboundFetchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, IPAddress[]> s_names = new()
    {
        ["intranet.example"] = [IPAddress.Parse("10.0.0.5")],
        ["mixed.example"] = [IPAddress.Parse("93.184.215.14"), IPAddress.Parse("10.0.0.5")],
        ["public.example"] = [IPAddress.Parse("93.184.215.14")],
        ["rebind.example"] = [IPAddress.Loopback],
    };

    private static OutboundFetch Fetch(bool enabled = true) =>
        new(enabled, (name, _) => Task.FromResult(s_names.TryGetValue(name, out var addresses) ? addresses : []), TimeSpan.FromSeconds(10));

    [Theory]
    [InlineData("intranet.example")]
    [InlineData("mixed.example")]
    [InlineData("unknown.example")]
    public async Task ResolveAllowed_NameOfAnInternalAddress_IsRefused(string name)
    {
        using var fetch = Fetch();

        var refused = await Assert.ThrowsAsync<FetchRefusedException>(() => fetch.ResolveAllowedAsync(name, Ct));

        Assert.Equal(FunctionLimits.FetchAddressRefused(name), refused.Message);
    }

    [Fact]
    public async Task ResolveAllowed_NameOfAPublicAddress_IsThatAddress()
    {
        using var fetch = Fetch();

        var address = await fetch.ResolveAllowedAsync("public.example", Ct);

        Assert.Equal(IPAddress.Parse("93.184.215.14"), address);
    }

    [Fact]
    public async Task Send_NameThatResolvesToALiveLoopbackServer_IsRefusedBeforeConnecting()
    {
        // Arrange: a real server on loopback the name points at; it must never see a connection.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var fetch = Fetch();

        // Act
        var refused = await Assert.ThrowsAsync<FetchRefusedException>(() => fetch.SendAsync(Call($"http://rebind.example:{port}/"), Ct));

        // Assert
        Assert.Equal(FunctionLimits.FetchAddressRefused("rebind.example"), refused.Message);
        Assert.False(listener.Pending());
    }

    [Fact]
    public async Task Send_OutboundOff_IsRefusedWithTheOffMessage()
    {
        using var fetch = Fetch(enabled: false);

        var refused = await Assert.ThrowsAsync<FetchRefusedException>(() => fetch.SendAsync(Call("http://public.example/"), Ct));

        Assert.Equal(FunctionLimits.FetchOff, refused.Message);
    }

    private static JsonObject Call(string url) => new() { ["op"] = "fetch", ["url"] = url, ["method"] = "GET", ["headers"] = new JsonArray() };
}
