namespace EdgeKv.Api.Http;

/// <summary>
/// Every message the HTTP API answers with besides the engine's own (<see cref="Core.KvErrors"/>, passed through word
/// for word) and the token refusals (<see cref="Access.KvAccessErrors"/>). Each is the <c>message</c> of a JSON error
/// body <c>{"error":{"code","message"}}</c>; a request refused with one of them changed nothing.
/// </summary>
public static class KvHttpErrors
{
    /// <summary>A read's <c>consistency</c> other than the two (<see cref="ReadConsistency"/>).</summary>
    public const string InvalidConsistency = "consistency must be strong (the default) or eventual";

    /// <summary>A list limit outside 1..<see cref="KvHttpLimits.MaxListLimit"/>.</summary>
    public const string ListLimit = "limit must be an integer between 1 and 1000";

    /// <summary>Metadata over <see cref="KvHttpLimits.MaxMetadataBytes"/>.</summary>
    public const string MetadataTooLarge = "Metadata too large (max 1024 bytes of JSON)";

    /// <summary>Metadata that does not parse as JSON.</summary>
    public const string MetadataNotJson = "Metadata must be valid JSON (in the X-EdgeKv-Metadata header: ASCII, other characters as \\u escapes)";

    /// <summary>A <c>text/*</c> body that is not UTF-8.</summary>
    public const string TextNotUtf8 = "A text/* value must be valid UTF-8";

    /// <summary>A TTL that is not a whole number of seconds in range.</summary>
    public const string ExpirationTtl = "expiration_ttl must be a whole number of seconds from 1 to 2147483647";

    /// <summary>A bulk request with more than <see cref="KvHttpLimits.MaxBulkItems"/> items.</summary>
    public const string TooManyBulkItems = "Too many items (max 10000)";

    /// <summary>A bulk request body over <see cref="KvHttpLimits.MaxBulkBodyBytes"/>.</summary>
    public const string BulkBodyTooLarge = "Request body too large (max 67108864 bytes)";

    /// <summary>A bulk write body that is not the documented JSON.</summary>
    public const string BulkWriteBody = "The body must be a JSON array of {\"key\": string, \"value\": string or JSON, \"base64\"?: bool, \"expiration_ttl\"?: seconds, \"metadata\"?: JSON}";

    /// <summary>A bulk delete body that is not the documented JSON.</summary>
    public const string BulkDeleteBody = "The body must be a JSON array of key strings";

    /// <summary>A bulk item flagged base64 whose value is not base64.</summary>
    public const string InvalidBase64 = "A value with \"base64\": true must be a base64 string";

    /// <summary>A key in the path whose percent-decoded bytes are not UTF-8 (e.g. <c>%FF%FE</c>).</summary>
    public const string KeyNotUtf8 = "The key in the path must be percent-encoded UTF-8";

    /// <summary>A missing key.</summary>
    public const string KeyNotFound = "Key not found";

    /// <summary>An <c>If-None-Match: *</c> write of a key that exists.</summary>
    public const string KeyExists = "The key already exists (If-None-Match: *). Nothing was written.";

    /// <summary>An <c>If-Match</c> write whose versionstamp is not the key's.</summary>
    public const string VersionMismatch = "The key's current versionstamp is not the one in If-Match. Nothing was written.";

    /// <summary>An <c>If-Match</c> header that is neither <c>*</c> nor a quoted versionstamp.</summary>
    public const string InvalidIfMatch = "If-Match must be * or a quoted versionstamp of 20 hex characters, e.g. \"00000000000000010000\"";

    /// <summary>An <c>If-None-Match</c> on a write other than <c>*</c>.</summary>
    public const string InvalidIfNoneMatch = "If-None-Match on a write must be *";

    /// <summary>Both preconditions on one write.</summary>
    public const string BothPreconditions = "Use either If-Match or If-None-Match, not both";

    /// <summary>A watch without exactly one of its two selectors.</summary>
    public const string WatchSelector = "watch needs either key (1 to 10 times) or prefix, not both";

    /// <summary>A resume point that is not a versionstamp.</summary>
    public const string InvalidAfter = "after (or Last-Event-ID) must be a versionstamp of 20 hex characters";

    /// <summary>A prefix longer than any key.</summary>
    public const string PrefixTooLong = "prefix must be at most 512 bytes";

    /// <summary>A namespace create or rename body that is not the documented JSON.</summary>
    public const string NamespaceNameBody = "The body must be a JSON object {\"name\": string}";

    /// <summary>A body of a type the endpoint does not take (the bulk and namespace endpoints take JSON).</summary>
    public const string UnsupportedMediaType = "This endpoint takes Content-Type: application/json";

    /// <summary>A method the route does not answer.</summary>
    public const string MethodNotAllowed = "This method is not allowed here; the Allow header lists the ones that are";

    /// <summary>A deploy body that is not the JSON object of files.</summary>
    public const string DeploymentBody = "The body must be a JSON object {\"files\": {\"<path under functions/>\": \"<source>\", ...}} of at most 8388608 bytes";
}
