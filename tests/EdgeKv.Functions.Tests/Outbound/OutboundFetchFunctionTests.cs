using EdgeKv.Functions.Tests.Support;

namespace EdgeKv.Functions.Tests.Outbound;

/// <summary>
/// With outbound network on, a real function's <c>fetch</c> is made by the host, which refuses every internal
/// address after resolving the name — the name tricks that get past Deno's own flag list included — and the Deno
/// process still has no network permission of its own.
/// </summary>
public sealed class OutboundFetchFunctionTests(OutboundOnFunctionsServer server) : IClassFixture<OutboundOnFunctionsServer>
{
    [Theory]
    [InlineData("localhost")]
    [InlineData("127.1")]
    [InlineData("0x7f000001")]
    [InlineData("127.0.0.2")]
    [InlineData("[::1]")]
    [InlineData("[::ffff:127.0.0.1]")]
    [InlineData("0.0.0.0")]
    [InlineData("169.254.169.254")]
    public async Task Fetch_TheHostsOwnPortByAnyName_IsRefused(string host)
    {
        var text = await FunctionAttempt.RunAsync(server, $$"""return (await fetch("http://{{host}}:{{server.Port}}/api/v1/namespaces")).status;""");

        Assert.StartsWith("refused: TypeError: fetch to ", text);
        Assert.EndsWith("refused: it resolves to a loopback, private, link-local or otherwise internal address.", text);
    }

    [Fact]
    public async Task Fetch_NotHttp_IsRefused()
    {
        var text = await FunctionAttempt.RunAsync(server, """return (await fetch("file:///etc/hostname")).status;""");

        Assert.StartsWith("refused: TypeError: ", text);
        Assert.DoesNotContain("allowed", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RawSocket_OutboundOn_StillHasNoPermission()
    {
        var text = await FunctionAttempt.RunAsync(server, $$"""return (await Deno.connect({ hostname: "127.0.0.1", port: {{server.Port}} })).remoteAddr.port;""");

        Assert.StartsWith("refused: NotCapable: Requires net access", text);
    }
}
