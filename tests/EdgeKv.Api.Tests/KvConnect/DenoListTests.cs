using System.Text.Json;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Values;

namespace EdgeKv.Api.Tests.KvConnect;

/// <summary>Deno's <c>kv.list</c> in every shape, over keys the engine wrote.</summary>
public sealed class DenoListTests(KvConnectServer server)
{
    [Fact]
    public async Task List_EverySelectorAndOption_ReturnsTheKeysDenoWould()
    {
        // Arrange: ["items", 0..9] as KvU64s, plus neighbours a prefix list must leave out.
        var ct = TestContext.Current.CancellationToken;
        var ns = await server.CreateNamespaceAsync();
        await ns.Store.SetAsync(KvKey.Of("items"), KvValue.Text("the prefix key itself"), cancellationToken: ct);
        await ns.Store.SetAsync(KvKey.Of("itemsz", 1), KvValue.Text("a longer first part"), cancellationToken: ct);
        await ns.Store.SetAsync(KvKey.Of("other", 1), KvValue.Text("another prefix"), cancellationToken: ct);
        for (var i = 9; i >= 0; i--)
        {
            await ns.Store.SetAsync(KvKey.Of("items", i), KvValue.U64((ulong)i * 100), cancellationToken: ct);
        }

        // Act
        var result = await ClientProcess.RunDenoAsync("list.ts", ns.WriteToken, ScriptEnvironment.For(ns), ct);

        // Assert
        Assert.Equal(Range(0, 9), Keys(result, "all"));
        Assert.Equal(Range(5, 9), Keys(result, "fromStart"));
        Assert.Equal(Range(0, 2), Keys(result, "toEnd"));
        Assert.Equal(Range(2, 5), Keys(result, "range"));
        Assert.Equal(Range(0, 9).Reverse(), Keys(result, "reverse"));
        Assert.Equal(Range(0, 2), Keys(result, "limited"));
        Assert.Equal(Range(0, 2), Keys(result, "page1"));
        Assert.Equal(Range(3, 6), Keys(result, "page2"));
        Assert.Equal([9, 8], Keys(result, "reversePage1"));
        Assert.Equal([7, 6], Keys(result, "reversePage2"));
        Assert.Equal(Range(0, 9), Keys(result, "smallBatches"));
        Assert.Equal(["0", "100"], result.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
    }

    private static IEnumerable<int> Range(int first, int last) => Enumerable.Range(first, last - first + 1);

    private static IEnumerable<int> Keys(JsonElement result, string name) =>
        result.GetProperty(name).EnumerateArray().Select(k => k.GetInt32()).ToList();
}
