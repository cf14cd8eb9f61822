using EdgeKv.Api.KvConnect.Protocol;
using EdgeKv.Core;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using Google.Protobuf;

namespace EdgeKv.Api.KvConnect;

/// <summary>
/// Turns a wire <see cref="AtomicWrite"/> into the engine's <see cref="KvAtomicWrite"/>. Keys are decoded (a key
/// that is not a valid tuple encoding is refused with the engine's message); an absolute <c>expire_at_ms</c> becomes
/// the relative expiry the engine takes, measured from the moment of the request (a moment already past becomes the
/// shortest expiry, so the value is written and at once invisible, as in Deno KV).
/// </summary>
internal static class AtomicWriteMapper
{
    public static KvAtomicWrite ToEngine(AtomicWrite write, DateTimeOffset now)
    {
        var checks = write.Checks.Select(ToEngine).ToList();
        var mutations = write.Mutations.Select(m => ToEngine(m, now)).ToList();
        return new KvAtomicWrite(checks, mutations);
    }

    private static KvCheck ToEngine(Check check)
    {
        Versionstamp? versionstamp = check.Versionstamp.Length switch
        {
            0 => null,
            Versionstamp.Length => Versionstamp.FromBytes(check.Versionstamp.Span),
            _ => throw new KvConnectRequestException(KvConnectErrors.InvalidVersionstamp),
        };
        return new KvCheck(DecodeKey(check.Key), versionstamp);
    }

    private static KvMutation ToEngine(Mutation mutation, DateTimeOffset now)
    {
        var kind = mutation.MutationType switch
        {
            MutationType.MSet => KvMutationKind.Set,
            MutationType.MDelete => KvMutationKind.Delete,
            MutationType.MSum => KvMutationKind.Sum,
            MutationType.MMin => KvMutationKind.Min,
            MutationType.MMax => KvMutationKind.Max,
            MutationType.MSetSuffixVersionstampedKey => KvMutationKind.SetSuffixVersionstampedKey,
            _ => throw new KvConnectRequestException(KvConnectErrors.InvalidMutation),
        };

        var key = DecodeKey(mutation.Key);
        if (kind == KvMutationKind.Delete)
        {
            return new KvMutation(kind, key);
        }

        if (mutation.Value is null)
        {
            throw new KvConnectRequestException(KvConnectErrors.InvalidMutation);
        }

        return new KvMutation(kind, key, KvValueWire.FromWire(mutation.Value), ExpireIn(mutation.ExpireAtMs, now));
    }

    private static TimeSpan? ExpireIn(long expireAtMs, DateTimeOffset now)
    {
        if (expireAtMs is 0 or -1)
        {
            return null;
        }

        if (expireAtMs < 0)
        {
            throw new KvConnectRequestException(KvConnectErrors.InvalidExpireAt);
        }

        var expireIn = DateTimeOffset.FromUnixTimeMilliseconds(Math.Min(expireAtMs, DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())) - now;
        return expireIn > TimeSpan.Zero ? expireIn : TimeSpan.FromMilliseconds(1);
    }

    private static KvKey DecodeKey(ByteString key) => KvKey.Decode(key.Span);
}
