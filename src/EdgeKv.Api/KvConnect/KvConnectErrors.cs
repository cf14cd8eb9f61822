using EdgeKv.Api.Access;

namespace EdgeKv.Api.KvConnect;

/// <summary>
/// Every message KV Connect answers with besides the engine's own (<see cref="Core.KvErrors"/>), in one place. Deno
/// clients show the body of a 4xx answer in the error they throw, so each is written for the person reading it.
/// </summary>
public static class KvConnectErrors
{
    /// <summary>No usable Authorization header.</summary>
    public const string MissingBearerToken = KvAccessErrors.MissingBearerToken;

    /// <summary>An unknown, expired or revoked token.</summary>
    public const string InvalidAccessToken = KvAccessErrors.InvalidAccessToken;

    /// <summary>A valid token of another namespace.</summary>
    public const string TokenForOtherNamespace = KvAccessErrors.TokenForOtherNamespace;

    /// <summary>A namespace that does not exist.</summary>
    public const string NamespaceNotFound = KvAccessErrors.NamespaceNotFound;

    /// <summary>A metadata exchange body that is not the documented JSON.</summary>
    public const string InvalidMetadataRequest = "Invalid metadata exchange request: expected a JSON body like {\"supportedVersions\":[2,3]}.";

    /// <summary>A client that speaks none of our protocol versions.</summary>
    public const string NoCommonProtocolVersion = "No common KV Connect protocol version: this server speaks versions 2 and 3 (Deno 1.38 or newer).";

    /// <summary>A data path request without a version we speak.</summary>
    public const string InvalidProtocolVersion = "Missing or unsupported x-denokv-version header: expected 2 or 3.";

    /// <summary>A data path request for another database.</summary>
    public const string InvalidDatabaseId = "The x-denokv-database-id header does not match this namespace's database id.";

    /// <summary>A watch over protocol version 2.</summary>
    public const string WatchNeedsVersion3 = "watch needs KV Connect protocol version 3.";

    /// <summary>A body that is not the expected protobuf message.</summary>
    public const string InvalidProtobuf = "Request protobuf is invalid.";

    /// <summary>A check versionstamp of neither 0 nor 10 bytes.</summary>
    public const string InvalidVersionstamp = "Invalid versionstamp: a check's versionstamp is empty (key absent) or exactly 10 bytes.";

    /// <summary>An unknown mutation type, or one without the value it needs.</summary>
    public const string InvalidMutation = "Invalid mutation kind or arguments.";

    /// <summary>An unknown value encoding.</summary>
    public const string InvalidValueEncoding = "Invalid value encoding: expected V8, LE64 or BYTES.";

    /// <summary>An LE64 value of the wrong length.</summary>
    public const string InvalidLe64Value = "Invalid LE64 value: it must be exactly 8 bytes.";

    /// <summary>A negative expiry other than -1.</summary>
    public const string InvalidExpireAt = "Invalid mutation expire_at_ms: expected milliseconds since the Unix epoch, or 0 for none.";

    /// <summary>An atomic write or a watch sent to a namespace's eventual (read replica) endpoint.</summary>
    public const string EventualEndpointReadsOnly =
        "This is the namespace's eventual-read endpoint (…/eventual): it serves eventual reads only. Write and watch through the namespace's own URL, without /eventual.";

    /// <summary>An atomic write with queue messages.</summary>
    public const string EnqueueUnsupported = "Queues are not supported by EdgeKv: an atomic write cannot enqueue messages.";
}
