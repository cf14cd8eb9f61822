using System.Net;
using EdgeKv.Api.KvConnect.Protocol;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Core;
using EdgeKv.Core.Keys;
using KvValue = EdgeKv.Core.Values.KvValue;
using Google.Protobuf;

namespace EdgeKv.Api.Tests.KvConnect;

/// <summary>snapshot_read over raw byte ranges, and the engine's read limits crossed over the wire.</summary>
public sealed class SnapshotReadTests(KvConnectServer server)
{
    [Fact]
    public async Task SnapshotRead_RawRanges_ReturnEntriesInOrderWithEncodings()
    {
        // Arrange: ["p", 1..3] plus the prefix key itself, which prefix+0x00 .. prefix+0xFF leaves out.
        var ct = TestContext.Current.CancellationToken;
        using var client = new KvConnectHttpClient(server);
        var ns = await server.CreateNamespaceAsync();
        await ns.Store.SetAsync(KvKey.Of("p"), KvValue.Text("prefix"), cancellationToken: ct);
        var v1 = await ns.Store.SetAsync(KvKey.Of("p", 1), KvValue.U64(7), cancellationToken: ct);
        await ns.Store.SetAsync(KvKey.Of("p", 2), KvValue.Bytes(new byte[] { 9 }), cancellationToken: ct);
        await ns.Store.SetAsync(KvKey.Of("p", 3), KvValue.V8(new byte[] { 0xFF, 0x0F, 0x54 }), cancellationToken: ct);
        var prefix = KvKey.Of("p").Encode();
        var read = new SnapshotRead
        {
            Ranges =
            {
                new ReadRange { Start = Bytes([.. prefix, 0x00]), End = Bytes([.. prefix, 0xFF]), Limit = 10 },
                new ReadRange { Start = Bytes([.. prefix, 0x00]), End = Bytes([.. prefix, 0xFF]), Limit = 2, Reverse = true },
                new ReadRange { Start = Bytes([.. prefix, 0xFF]), End = Bytes([.. prefix, 0x00]), Limit = 10 },
            },
        };

        // Act
        var output = await ReadAsync(client, ns, read);

        // Assert
        Assert.Equal(3, output.Ranges.Count);
        var all = output.Ranges[0].Values;
        Assert.Equal([KvKey.Of("p", 1), KvKey.Of("p", 2), KvKey.Of("p", 3)], all.Select(e => KvKey.Decode(e.Key.Span)));
        Assert.Equal([ValueEncoding.VeLe64, ValueEncoding.VeBytes, ValueEncoding.VeV8], all.Select(e => e.Encoding));
        Assert.Equal(KvValue.U64(7).Data.ToArray(), all[0].Value.ToByteArray());
        Assert.Equal(v1.ToBytes(), all[0].Versionstamp.ToByteArray());
        Assert.Equal([KvKey.Of("p", 3), KvKey.Of("p", 2)], output.Ranges[1].Values.Select(e => KvKey.Decode(e.Key.Span)));
        Assert.Empty(output.Ranges[2].Values);
    }

    [Theory]
    [InlineData(11, 1, KvErrors.TooManyRanges)]
    [InlineData(1, 0, KvErrors.InvalidLimit)]
    [InlineData(1, 1001, KvErrors.InvalidBatchSize)]
    public async Task SnapshotRead_PastTheEngineLimits_400WithTheEngineMessage(int ranges, int limit, string message)
    {
        using var client = new KvConnectHttpClient(server);
        var ns = await server.CreateNamespaceAsync();
        var read = new SnapshotRead();
        for (var i = 0; i < ranges; i++)
        {
            read.Ranges.Add(new ReadRange { Start = Bytes([0x01]), End = Bytes([0xFF]), Limit = limit });
        }

        using var response = await client.DataPathAsync(ns, "snapshot_read", read, ns.WriteToken, await client.DatabaseIdAsync(ns));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SnapshotRead_BoundLongerThanTheReadKeyLimit_400()
    {
        using var client = new KvConnectHttpClient(server);
        var ns = await server.CreateNamespaceAsync();
        var read = new SnapshotRead
        {
            Ranges = { new ReadRange { Start = Bytes([0x01]), End = Bytes(new byte[KvLimits.MaxReadKeyBytes + 1]), Limit = 1 } },
        };

        using var response = await client.DataPathAsync(ns, "snapshot_read", read, ns.WriteToken, await client.DatabaseIdAsync(ns));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(KvErrors.KeyTooLargeForRead, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static ByteString Bytes(byte[] bytes) => ByteString.CopyFrom(bytes);

    private static async Task<SnapshotReadOutput> ReadAsync(KvConnectHttpClient client, TestNamespace ns, SnapshotRead read)
    {
        using var response = await client.DataPathAsync(ns, "snapshot_read", read, ns.ReadToken, await client.DatabaseIdAsync(ns));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return SnapshotReadOutput.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }
}
