using System.Net;
using EdgeKv.Api.KvConnect;
using EdgeKv.Api.KvConnect.Protocol;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Core;
using EdgeKv.Core.Keys;
using Google.Protobuf;
using WireValue = EdgeKv.Api.KvConnect.Protocol.KvValue;

namespace EdgeKv.Api.Tests.KvConnect;

/// <summary>atomic_write's answers, and every refusal leaving the namespace untouched.</summary>
public sealed class AtomicWriteProtocolTests(KvConnectServer server)
{
    private static readonly ByteString s_key = ByteString.CopyFrom(KvKey.Of("k").Encode());
    private static readonly WireValue s_v8True = new() { Data = ByteString.CopyFrom(0xFF, 0x0F, 0x54), Encoding = ValueEncoding.VeV8 };
    private static readonly WireValue s_v8One = new() { Data = ByteString.CopyFrom(0xFF, 0x0F, 0x49, 0x02), Encoding = ValueEncoding.VeV8 }; // int32 1

    public static TheoryData<string, string> Refusals => new()
    {
        { "enqueue", KvConnectErrors.EnqueueUnsupported },
        { "key not a tuple", KvErrors.InvalidEncodedKey },
        { "key too large", KvErrors.KeyTooLargeForWrite },
        { "check versionstamp of 5 bytes", KvConnectErrors.InvalidVersionstamp },
        { "LE64 of 4 bytes", KvConnectErrors.InvalidLe64Value },
        { "unspecified mutation", KvConnectErrors.InvalidMutation },
        { "set without value", KvConnectErrors.InvalidMutation },
        { "unspecified encoding", KvConnectErrors.InvalidValueEncoding },
        { "sum of a V8 number", KvErrors.SumKvU64WithNumber },
        { "sum of a V8 true", KvErrors.SumOperandNotV8Number },
        { "min of a V8 number", KvErrors.MinOperandNotU64 },
        { "max of a V8 number", KvErrors.MaxOperandNotU64 },
        { "negative expiry", KvConnectErrors.InvalidExpireAt },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task AtomicWrite_BadRequest_400AndNothingWritten(string scenario, string message)
    {
        using var client = new KvConnectHttpClient(server);
        var ns = await server.CreateNamespaceAsync();
        var write = Refused(scenario);

        using var response = await client.DataPathAsync(ns, "atomic_write", write, ns.WriteToken, await client.DatabaseIdAsync(ns));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, (await ns.Store.GetStatsAsync(TestContext.Current.CancellationToken)).KeyCount);
    }

    [Fact]
    public async Task AtomicWrite_ReadOnlyToken_WriteDisabledAndNothingWritten()
    {
        using var client = new KvConnectHttpClient(server);
        var ns = await server.CreateNamespaceAsync();

        var output = await WriteAsync(client, ns, ns.ReadToken, new AtomicWrite { Mutations = { Set(s_key) } });

        Assert.Equal(AtomicWriteStatus.AwWriteDisabled, output.Status);
        Assert.Equal(0, (await ns.Store.GetStatsAsync(TestContext.Current.CancellationToken)).KeyCount);
    }

    [Fact]
    public async Task AtomicWrite_Set_SuccessWithTheCommitsVersionstamp()
    {
        using var client = new KvConnectHttpClient(server);
        var ns = await server.CreateNamespaceAsync();

        var output = await WriteAsync(client, ns, ns.WriteToken, new AtomicWrite { Mutations = { Set(s_key) } });

        Assert.Equal(AtomicWriteStatus.AwSuccess, output.Status);
        var entry = await ns.Store.GetAsync(KvKey.Of("k"), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(entry.Versionstamp!.Value.ToBytes(), output.Versionstamp.ToByteArray());
        Assert.Equal(s_v8True.Data.ToByteArray(), entry.Value!.Data.ToArray());
    }

    [Fact]
    public async Task AtomicWrite_ExpiryAlreadyPast_SucceedsButTheKeyIsNotVisible()
    {
        using var client = new KvConnectHttpClient(server);
        var ns = await server.CreateNamespaceAsync();
        var set = Set(s_key);
        set.ExpireAtMs = 1;

        var output = await WriteAsync(client, ns, ns.WriteToken, new AtomicWrite { Mutations = { set } });

        Assert.Equal(AtomicWriteStatus.AwSuccess, output.Status);
        var ct = TestContext.Current.CancellationToken;
        var visible = true;
        for (var i = 0; i < 400 && visible; i++)
        {
            visible = (await ns.Store.GetAsync(KvKey.Of("k"), cancellationToken: ct)).Exists;
            if (visible)
            {
                await Task.Delay(5, ct); // waits for the shortest expiry (1 ms) to pass, checking the condition
            }
        }

        Assert.False(visible);
    }

    private static AtomicWrite Refused(string scenario)
    {
        var set = Set(s_key);
        switch (scenario)
        {
            case "enqueue":
                return new AtomicWrite { Mutations = { set }, Enqueues = { new Enqueue { Payload = s_v8True.Data, DeadlineMs = 1 } } };
            case "key not a tuple":
                set.Key = ByteString.CopyFrom(0x7E, 0x01);
                break;
            case "key too large":
                set.Key = ByteString.CopyFrom(KvKey.Of(new string('x', KvLimits.MaxWriteKeyBytes)).Encode());
                break;
            case "check versionstamp of 5 bytes":
                return new AtomicWrite { Checks = { new Check { Key = s_key, Versionstamp = ByteString.CopyFrom(1, 2, 3, 4, 5) } }, Mutations = { set } };
            case "LE64 of 4 bytes":
                set.Value = new WireValue { Data = ByteString.CopyFrom(1, 0, 0, 0), Encoding = ValueEncoding.VeLe64 };
                break;
            case "unspecified mutation":
                set.MutationType = MutationType.MUnspecified;
                break;
            case "set without value":
                set.Value = null;
                break;
            case "unspecified encoding":
                set.Value = new WireValue { Data = ByteString.CopyFrom(1), Encoding = ValueEncoding.VeUnspecified };
                break;
            case "sum of a V8 number":
                set.MutationType = MutationType.MSum;
                set.Value = s_v8One.Clone();
                break;
            case "sum of a V8 true":
                set.MutationType = MutationType.MSum;
                break;
            case "min of a V8 number":
                set.MutationType = MutationType.MMin;
                set.Value = s_v8One.Clone();
                break;
            case "max of a V8 number":
                set.MutationType = MutationType.MMax;
                set.Value = s_v8One.Clone();
                break;
            case "negative expiry":
                set.ExpireAtMs = -5;
                break;
        }

        return new AtomicWrite { Mutations = { Set(ByteString.CopyFrom(KvKey.Of("other").Encode())), set } };
    }

    private static Mutation Set(ByteString key) => new() { Key = key, MutationType = MutationType.MSet, Value = s_v8True.Clone() };

    private static async Task<AtomicWriteOutput> WriteAsync(KvConnectHttpClient client, TestNamespace ns, string token, AtomicWrite write)
    {
        using var response = await client.DataPathAsync(ns, "atomic_write", write, token, await client.DatabaseIdAsync(ns));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return AtomicWriteOutput.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }
}
