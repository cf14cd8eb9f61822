using System.Net;
using EdgeKv.Api.Http;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Core.Keys;

namespace EdgeKv.Api.Tests.Http;

/// <summary>expiration_ttl: reported by GET and list, and the key (with its metadata) is gone once it passes.</summary>
public sealed class ExpirationTests(KvConnectServer server)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Put_WithTtl_GetAndListReportExpirationInUnixSeconds()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        await api.PutTextAsync(ns, "session", "token", "?expiration_ttl=3600");
        using var get = await api.GetAsync(ns, HttpApi.Value(ns, "session"));
        using var list = await api.GetAsync(ns, HttpApi.Base(ns) + "/keys");

        var after = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var fromHeader = long.Parse(get.Headers.GetValues(KvHttpHeaders.Expiration).Single());
        var fromList = (await HttpApi.JsonAsync(list)).GetProperty("keys")[0].GetProperty("expiration").GetInt64();
        Assert.InRange(fromHeader, before + 3599, after + 3600);
        Assert.Equal(fromHeader, fromList);
    }

    [Fact]
    public async Task Put_WithOneSecondTtl_KeyAndMetadataGoneAfterIt()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();

        using var put = await api.PutTextAsync(ns, "flash", "now you see me", "?expiration_ttl=1",
            r => r.Headers.Add(KvHttpHeaders.Metadata, """{"kind":"flash"}"""));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await api.GetTextAsync(ns, "flash") is not null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, _ct);
        }

        Assert.Null(await api.GetTextAsync(ns, "flash"));
        Assert.False((await ns.Store.GetAsync(KvMetadataKeys.For("flash"), cancellationToken: _ct)).Exists);
        using var list = await api.GetAsync(ns, HttpApi.Base(ns) + "/keys");
        Assert.Equal(0, (await HttpApi.JsonAsync(list)).GetProperty("keys").GetArrayLength());
        Assert.False((await ns.Store.GetAsync(KvKey.Of("flash"), cancellationToken: _ct)).Exists);
    }
}
