using EdgeKv.Core;

namespace EdgeKv.Domain.Errors;

public static partial class DomainErrors
{
    /// <summary>A key of 0 or more than 512 UTF-8 bytes (the engine's message).</summary>
    public static DomainError InvalidRecordKey { get; } = new("record.invalid_key", KvErrors.EdgeOneKeyLength);

    /// <summary>A JSON record whose value does not parse (the engine's message).</summary>
    public static DomainError InvalidJson { get; } = new("record.invalid_json", KvErrors.EdgeOneNotJson);

    /// <summary>An uploaded file to be stored as text that is not UTF-8.</summary>
    public static DomainError InvalidUtf8 { get; } = new("record.invalid_text", "value is not valid UTF-8 text");

    /// <summary>
    /// A value over <see cref="KvLimits.MaxValueBytes"/>: the engine's exact message, untranslated, so the console
    /// refuses an upload with the words the API and Deno clients get.
    /// </summary>
    public static DomainError ValueTooLarge { get; } = new("record.value_too_large", KvErrors.ValueTooLarge);

    /// <summary>An expiry of zero or fewer seconds (the engine's message).</summary>
    public static DomainError InvalidExpiry { get; } = new("record.invalid_expiry", KvErrors.InvalidExpireIn);

    /// <summary>A page size outside 1..256 (the engine's message).</summary>
    public static DomainError InvalidListLimit { get; } = new("record.invalid_limit", KvErrors.EdgeOneListLimit);

    /// <summary>A key with no record.</summary>
    public static DomainError RecordNotFound { get; } = new("record.not_found", "Record not found.");

    /// <summary>A write over the account's capacity; {0} is the engine's message (it names the capacity).</summary>
    public static DomainError QuotaExceeded { get; } = new("record.quota_exceeded", "{0}");

    /// <summary>Any other write or read the engine refused; {0} is the engine's message.</summary>
    public static DomainError EngineRefused { get; } = new("record.refused", "{0}");
}
