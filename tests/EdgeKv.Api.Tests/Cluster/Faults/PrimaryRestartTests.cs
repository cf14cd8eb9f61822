using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using EdgeKv.Api.Http;
using EdgeKv.Core;
using EdgeKv.Testing.Postgres;

namespace EdgeKv.Api.Tests.Cluster.Faults;

/// <summary>
/// The PostgreSQL server stopped as by a crash (<c>pg_ctl stop -m immediate</c>) and started again while writers run
/// through a node (issue 13's fault test): during the outage every write is answered at once with the API's 503 JSON
/// (Retry-After, the engine's storage-unavailable message), and so is a read with a token the node must look up in the
/// admin database; nothing acknowledged is lost, and writes and that read succeed again by themselves.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class PrimaryRestartTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private const int Writers = 32;
    private const int AcknowledgedPerPhase = 300;
    private static readonly TimeSpan PhaseTimeout = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task RestartPrimary_UnderLoad_ClearErrorsDuringTheOutage_NothingAcknowledgedLost_WritesResumeByThemselves()
    {
        // Arrange: one node process, 32 writers through it, until it has acknowledged writes.
        var setup = Stopwatch.StartNew();
        var target = await LoadTarget.CreateAsync(postgres.Server);
        await using var node = (await target.StartNodesAsync(1))[0];
        await using var load = new WriteLoad(target.StoreId, target.Token);
        var setupTime = setup.Elapsed;
        var writers = load.Start("n", node.Url, Writers);
        await load.WaitUntilAsync(() => writers.Acknowledged >= AcknowledgedPerPhase, PhaseTimeout, "the node acknowledging writes");

        // Act: the server down (a crash: no checkpoint, the next start replays the WAL) until every writer could have
        // met the outage, then up again; the writers just go on.
        var stoppedAt = load.Now;
        var acknowledgedBefore = writers.Acknowledged;
        await postgres.Server.StopAsync(immediate: true);
        await load.WaitUntilAsync(() => writers.FailuresSince(stoppedAt) >= Writers, PhaseTimeout, "writers answered during the outage");
        using var reader = new HttpClient { BaseAddress = new Uri(node.Url), Timeout = WriteLoad.RequestTimeout };
        var readKey = load.Acknowledged.First().Key;
        using var unusedTokenReadDuring = await reader.SendAsync(ValueRead(target, readKey), TestContext.Current.CancellationToken);
        var startedAt = load.Now;
        await postgres.Server.StartAgainAsync();
        var backAt = load.Now;
        var acknowledgedAtRestart = writers.Acknowledged;
        await load.WaitUntilAsync(() => writers.Acknowledged > acknowledgedAtRestart, PhaseTimeout, "a write acknowledged after the restart");
        var resumedAt = load.Now;
        await load.WaitUntilAsync(() => writers.Acknowledged >= acknowledgedAtRestart + AcknowledgedPerPhase, PhaseTimeout, "writes acknowledged after the restart");
        using var unusedTokenReadAfter = await reader.SendAsync(ValueRead(target, readKey), TestContext.Current.CancellationToken);
        await load.StopAsync();

        // Assert: every failure was the clear 503 (never a stack trace, another status or a hang), all during the
        // outage or the reconnection after it; every acknowledged write is there.
        var missing = await StrongReads.MissingAsync(node.Url, target.StoreId, target.Token, load.Acknowledged);
        var failures = writers.Failures.ToList();
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"set-up (database, namespace, token, nodes ready): {setupTime.TotalSeconds:F1} s");
        output?.WriteLine($"{Writers} writers through one node; server stopped (immediate) at {stoppedAt.TotalSeconds:F1} s, started at {startedAt.TotalSeconds:F1} s, accepting at {backAt.TotalSeconds:F1} s");
        output?.WriteLine($"acknowledged: {acknowledgedBefore} before the stop, {acknowledgedAtRestart - acknowledgedBefore} while pg_ctl stop ran, {writers.Acknowledged - acknowledgedAtRestart} after; first success {(resumedAt - backAt).TotalSeconds:F2} s after the server was back");
        output?.WriteLine($"failed: {failures.Count} ({failures.Count(f => f.At < backAt)} during the outage, {failures.Count(f => f.At >= backAt)} after the server was back); last failure at {(failures.Count == 0 ? 0 : failures.Max(f => f.At).TotalSeconds):F1} s");
        foreach (var kind in failures.GroupBy(f => f.Status is { } s
                     ? $"{s} {f.ContentType} {f.Code} (Retry-After {f.RetryAfter?.TotalSeconds}): {f.Message ?? f.Body}"
                     : $"no answer: {f.Exception}"))
        {
            output?.WriteLine($"  {kind.Count()} x {kind.Key}");
        }

        output?.WriteLine($"acknowledged writes missing: {missing.Count}");
        foreach (var write in missing)
        {
            output?.WriteLine($"  missing: {write}");
        }

        if (missing.Count > 0)
        {
            output?.WriteLine(node.Output);
        }

        Assert.Empty(missing);
        Assert.All(failures, f => Assert.Equal<(int?, string?, string?, string?, TimeSpan?)>(
            (503, "application/json", KvHttpErrorCodes.Unavailable, KvErrors.StorageUnavailable, TimeSpan.FromSeconds(1)),
            (f.Status, f.ContentType, f.Code, f.Message, f.RetryAfter)));
        Assert.All(failures, f => Assert.True(f.At >= stoppedAt, $"a failure before the outage: {f}"));

        // A token the node had never seen is looked up in the admin database: the same 503 during the outage, the
        // value once the server is back.
        await UnavailableAnswer.AssertJsonAsync(unusedTokenReadDuring);
        Assert.Equal((HttpStatusCode.OK, readKey), (unusedTokenReadAfter.StatusCode, await unusedTokenReadAfter.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }

    private static HttpRequestMessage ValueRead(LoadTarget target, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/namespaces/{target.StoreId}/values/{key}?type=text");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", target.UnusedToken);
        return request;
    }
}
