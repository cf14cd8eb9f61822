using System.Net;
using System.Text.RegularExpressions;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Registry;
using EdgeKv.Core.Values;
using EdgeKv.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Web.Tests.Hosting;

/// <summary>/metrics: the EdgeKv meter in Prometheus text after real operations; loopback only by default.</summary>
public sealed class MetricsEndpointTests(OperationsApplication app) : IClassFixture<OperationsApplication>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Scrape_AfterWritesReadsAndFailedSignIns_ShowsEachInstrumentWithItsValues()
    {
        // Arrange: three keys written (two in one commit), one read, a wrong password and an unknown name.
        var namespaceId = $"nsmetrics{Guid.NewGuid():N}"[..24];
        var registry = app.Services.GetRequiredService<IKvStoreRegistry>();
        var store = await registry.CreateNamespaceAsync(namespaceId, cancellationToken: Ct);
        await store.SetAsync(KvKey.Of("a"), KvValue.Text("alpha"), cancellationToken: Ct);
        await store.CommitAsync(new([], [new(EdgeKv.Core.Store.KvMutationKind.Set, KvKey.Of("b"), KvValue.Text("beta")),
            new(EdgeKv.Core.Store.KvMutationKind.Set, KvKey.Of("c"), KvValue.Text("gamma"))]), Ct);
        await store.GetAsync(KvKey.Of("a"), cancellationToken: Ct);
        var stats = await store.GetStatsAsync(Ct);
        using var visitor = ConsoleClient.Over(app.ClientFrom("192.0.2.20"));
        using var signIn = await visitor.PostFormAsync("/account/signin", new()
        {
            ["Input.Email"] = ConsoleClient.AdminEmail,
            ["Input.Password"] = "not-the-password-1",
        });
        using var stranger = await visitor.PostFormAsync("/account/signin", new()
        {
            ["Input.Email"] = "nobody@example.com",
            ["Input.Password"] = "not-the-password-2",
        });
        using var scraper = app.ClientFrom("127.0.0.1");

        // Act
        using var response = await scraper.GetAsync("/metrics", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        TestContext.Current.SendDiagnosticMessage(text);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Value(text, "edgekv_kv_operations_total", "kind=\"commit\",outcome=\"ok\"") >= 2);
        Assert.True(Value(text, "edgekv_kv_operations_total", "kind=\"read\",outcome=\"ok\"") >= 1);
        Assert.True(Value(text, "edgekv_kv_commit_duration_seconds_count", "outcome=\"ok\"") >= 2);
        Assert.Matches(@"(?m)^edgekv_kv_group_commit_size(_commit)?_count(\{[^}]*\})? \d+", text);
        Assert.Equal(3, Value(text, "edgekv_namespace_keys", $"namespace=\"{namespaceId}\""));
        Assert.Equal(stats.StoredBytes, Value(text, "edgekv_namespace_bytes", $"namespace=\"{namespaceId}\""));
        Assert.True(Value(text, "edgekv_signin_failures_total", "reason=\"invalid_credentials\"") >= 1);
        Assert.True(Value(text, "edgekv_signin_failures_total", "reason=\"unknown_user\"") >= 1);
    }

    [Fact]
    public async Task Scrape_OpenWatchStream_CountedUntilItCloses()
    {
        // Arrange: an SSE watch through the HTTP API, with a token of the admin's own account.
        var (storeId, secret) = await AdminTokenAsync();
        using var client = app.ClientFrom("127.0.0.1");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/namespaces/{storeId}/watch?key=a");
        request.Headers.Authorization = new("Bearer", secret);
        using var watch = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.OK, watch.StatusCode);

        // Act
        var text = await client.GetStringAsync("/metrics", Ct);

        // Assert
        Assert.True(Value(text, "edgekv_watch_streams_open", "protocol=\"sse\"") >= 1);
    }

    [Fact]
    public async Task Scrape_FromOutsideLoopback_404AndLogged()
    {
        using var client = app.ClientFrom("192.0.2.30");

        using var response = await client.GetAsync("/metrics", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(app.Logs.Entries, entry => entry.Message.StartsWith("Metrics scrape refused from 192.0.2.30", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scrape_ThroughConfiguredProxyForAnOutsideClient_404()
    {
        // The proxy itself is not loopback, and the address checked is the client's it forwards.
        using var client = app.ClientFrom(OperationsApplication.ProxyAddress);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");

        using var response = await client.GetAsync("/metrics", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<(string StoreId, string Secret)> AdminTokenAsync() => await OperationsFlow.AdminTokenAsync(app, Ct);

    /// <summary>The value of the series <paramref name="name"/> whose labels include <paramref name="labels"/>.</summary>
    private static double Value(string text, string name, string labels)
    {
        var match = Regex.Match(text, $@"(?m)^{Regex.Escape(name)}\{{[^}}]*{Regex.Escape(labels)}[^}}]*\}} (?<value>[0-9.eE+-]+)");
        Assert.True(match.Success, $"No {name}{{{labels}}} in the scrape.");
        return double.Parse(match.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
