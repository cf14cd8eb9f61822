using System.Net;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Client;

namespace EdgeKv.Api.Tests.Http;

/// <summary>The .NET client (EdgeKv.Client) end to end against the real host.</summary>
public sealed class ClientTests(KvConnectServer server) : IDisposable
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly HttpClient _http = new() { BaseAddress = new Uri(server.Http1Url) };

    private async Task<(EdgeKvClient Writer, EdgeKvClient Reader)> ClientsAsync()
    {
        var ns = await server.CreateNamespaceAsync();
        return (new EdgeKvClient(_http, ns.Id, ns.WriteToken), new EdgeKvClient(_http, ns.Id, ns.ReadToken));
    }

    private sealed record Settings(string Theme, int Size);

    [Fact]
    public async Task PutGet_TextBytesJsonAndStream_RoundTrip()
    {
        var (kv, _) = await ClientsAsync();

        await kv.PutAsync("text", "héllo", cancellationToken: _ct);
        await kv.PutAsync("bytes", [0, 1, 255], cancellationToken: _ct);
        await kv.PutJsonAsync("json", new Settings("dark", 3), cancellationToken: _ct);
        await kv.PutAsync("stream", new MemoryStream("streamed"u8.ToArray()), cancellationToken: _ct);

        Assert.Equal("héllo", await kv.GetTextAsync("text", _ct));
        Assert.Equal(new byte[] { 0, 1, 255 }, await kv.GetBytesAsync("bytes", _ct));
        Assert.Equal(new Settings("dark", 3), await kv.GetJsonAsync<Settings>("json", cancellationToken: _ct));
        Assert.Equal("streamed", await kv.GetTextAsync("stream", _ct));
        Assert.Null(await kv.GetTextAsync("missing", _ct));
        Assert.Null(await kv.GetJsonAsync<Settings>("missing", cancellationToken: _ct));
    }

    [Fact]
    public async Task GetEntry_WithTtlAndMetadata_ReturnsEverything()
    {
        var (kv, _) = await ClientsAsync();

        var versionstamp = await kv.PutAsync("k", "v", new EdgeKvPutOptions { ExpirationTtl = TimeSpan.FromHours(1), Metadata = new { owner = "zoë" } }, _ct);
        var entry = await kv.GetEntryAsync("k", _ct);

        Assert.NotNull(entry);
        Assert.Equal(("v", "text", versionstamp), (entry.AsText(), entry.Encoding, entry.Versionstamp));
        Assert.Equal("zoë", entry.Metadata?.GetProperty("owner").GetString());
        Assert.InRange(entry.ExpiresAt!.Value, DateTimeOffset.UtcNow.AddMinutes(59), DateTimeOffset.UtcNow.AddMinutes(61));
    }

    [Fact]
    public async Task Put_Conditional_ConflictsAreEdgeKvExceptionsWithCode()
    {
        var (kv, _) = await ClientsAsync();
        var first = await kv.PutAsync("k", "1", new EdgeKvPutOptions { OnlyIfAbsent = true }, _ct);

        var absentFails = await Assert.ThrowsAsync<EdgeKvException>(() => kv.PutAsync("k", "2", new EdgeKvPutOptions { OnlyIfAbsent = true }, _ct));
        var second = await kv.PutAsync("k", "2", new EdgeKvPutOptions { IfVersionstamp = first }, _ct);
        var staleFails = await Assert.ThrowsAsync<EdgeKvException>(() => kv.PutAsync("k", "3", new EdgeKvPutOptions { IfVersionstamp = first }, _ct));

        Assert.Equal((HttpStatusCode.Conflict, "conflict"), (absentFails.StatusCode, absentFails.Code));
        Assert.Equal((HttpStatusCode.Conflict, "conflict"), (staleFails.StatusCode, staleFails.Code));
        Assert.NotEqual(first, second);
        Assert.Equal("2", await kv.GetTextAsync("k", _ct));
    }

    [Fact]
    public async Task Write_ReadOnlyToken_ThrowsReadOnlyAndReads()
    {
        var (kv, reader) = await ClientsAsync();
        await kv.PutAsync("k", "v", cancellationToken: _ct);

        var error = await Assert.ThrowsAsync<EdgeKvException>(() => reader.PutAsync("k", "changed", cancellationToken: _ct));

        Assert.Equal((HttpStatusCode.Forbidden, "read_only"), (error.StatusCode, error.Code));
        Assert.Equal("v", await reader.GetTextAsync("k", _ct));
    }

    [Fact]
    public async Task ListAndBulk_PagesEveryKeyAndDeletesMany()
    {
        var (kv, _) = await ClientsAsync();
        var items = Enumerable.Range(0, 2500).Select(i => EdgeKvBulkItem.Text($"item{i:D4}", "v" + i, metadata: new { i })).ToList();
        items.Add(EdgeKvBulkItem.Bytes("raw", [9, 8]));
        items.Add(EdgeKvBulkItem.Json("doc", new Settings("light", 1)));

        var written = await kv.PutManyAsync(items, _ct);
        var page = await kv.ListAsync("item", limit: 10, cancellationToken: _ct);
        var all = new List<EdgeKvListedKey>();
        await foreach (var key in kv.ListAllAsync("item", _ct))
        {
            all.Add(key);
        }

        await kv.DeleteManyAsync(all.Take(2000).Select(k => k.Key), _ct);
        var rest = await kv.ListAsync("item", cancellationToken: _ct);

        Assert.NotNull(written);
        Assert.Equal((false, "item0010", 10), (page.Complete, page.Cursor, page.Keys.Count));
        Assert.Equal(2500, all.Count);
        Assert.Equal(2499, all[^1].Metadata?.GetProperty("i").GetInt32());
        Assert.Equal(new byte[] { 9, 8 }, await kv.GetBytesAsync("raw", _ct));
        Assert.Equal(new Settings("light", 1), await kv.GetJsonAsync<Settings>("doc", cancellationToken: _ct));
        Assert.Equal(500, rest.Keys.Count);
        Assert.Equal("item2000", rest.Keys[0].Key);
    }

    [Fact]
    public async Task Watch_KeysAndPrefix_StreamEventsAndResume()
    {
        var (kv, reader) = await ClientsAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60)); // a missing event fails the test instead of hanging it
        await kv.PutAsync("cfg/a", "1", cancellationToken: _ct);
        await using var keys = reader.WatchAsync(["cfg/a", "cfg/b"], cancellationToken: timeout.Token).GetAsyncEnumerator(timeout.Token);
        await using var prefix = reader.WatchPrefixAsync("cfg/", cancellationToken: timeout.Token).GetAsyncEnumerator(timeout.Token);
        Assert.True(await keys.MoveNextAsync());
        Assert.True(await prefix.MoveNextAsync());
        var initialKeys = keys.Current;
        var initialPrefix = prefix.Current;

        var b = await kv.PutAsync("cfg/b", "2", cancellationToken: _ct);
        Assert.True(await keys.MoveNextAsync());
        Assert.True(await prefix.MoveNextAsync());
        await kv.PutAsync("cfg/c", "3", cancellationToken: _ct);
        await using var resumed = reader.WatchPrefixAsync("cfg/", after: b, cancellationToken: timeout.Token).GetAsyncEnumerator(timeout.Token);
        Assert.True(await resumed.MoveNextAsync());

        Assert.True(initialKeys.Initial);
        Assert.Equal(["1", null], initialKeys.Keys.Select(k => k.AsText()));
        Assert.True(initialKeys.Keys[1].Deleted);
        Assert.Equal(["cfg/a"], initialPrefix.Keys.Select(k => k.Key));
        Assert.Equal((b, "2"), (keys.Current.Versionstamp, keys.Current.Keys.Single().AsText()));
        Assert.Equal((b, "cfg/b"), (prefix.Current.Versionstamp, prefix.Current.Keys.Single().Key));
        Assert.False(resumed.Current.Initial);
        Assert.Equal(["cfg/c"], resumed.Current.Keys.Select(k => k.Key)); // only what was written after b
    }

    public void Dispose() => _http.Dispose();
}
