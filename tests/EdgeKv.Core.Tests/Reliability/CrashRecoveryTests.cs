using EdgeKv.Core.Sqlite;
using EdgeKv.Core.Tests.Support;
using static EdgeKv.Core.Tests.Support.Keys;

namespace EdgeKv.Core.Tests.Reliability;

/// <summary>Nothing acknowledged is lost: a writer process killed with SIGKILL mid-load loses no acknowledged write.</summary>
public sealed class CrashRecoveryTests
{
    private const int AcknowledgedBeforeKill = 400;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task SetAsync_ProcessKilledMidLoad_EveryAcknowledgedWriteSurvivesAndVersionstampsKeepIncreasing()
    {
        using var directory = new TempDirectory();
        var path = directory.File("crash.kv.sqlite");
        IReadOnlyList<(long N, Versionstamp Versionstamp)> acknowledged;
        using (var writer = CrashWriterProcess.Start(path))
        {
            var loaded = await Eventually.HoldsAsync(
                () => Task.FromResult(writer.AcknowledgedCount >= AcknowledgedBeforeKill || writer.HasExited), TimeSpan.FromMinutes(2));
            Assert.True(loaded && !writer.HasExited, "The crash writer stopped early: " + writer.ReadError());

            acknowledged = await writer.KillAsync();
        }

        await using var store = SqliteKvStore.Open(path);
        var missing = new List<long>();
        foreach (var chunk in acknowledged.Chunk(10))
        {
            var entries = await store.GetManyAsync([.. chunk.Select(a => K("crash", a.N))], cancellationToken: _ct);
            for (var i = 0; i < chunk.Length; i++)
            {
                if (TextOf(entries[i]) != $"value-{chunk[i].N}" || entries[i].Versionstamp != chunk[i].Versionstamp)
                {
                    missing.Add(chunk[i].N);
                }
            }
        }

        var next = await store.SetAsync(K("after-crash"), Text("v"), cancellationToken: _ct);

        Assert.True(acknowledged.Count >= AcknowledgedBeforeKill);
        Assert.Empty(missing);
        Assert.True(next > acknowledged.Max(a => a.Versionstamp));
        Assert.Equal((await store.GetStatsAsync(_ct)).KeyCount, await CountKeysAsync(store));
    }

    private async Task<long> CountKeysAsync(SqliteKvStore store)
    {
        long count = 0;
        await foreach (var entry in store.ListAsync(Core.Store.KvListSelector.WithPrefix(Core.Keys.KvKey.Empty), cancellationToken: _ct))
        {
            count++;
        }

        return count;
    }
}
