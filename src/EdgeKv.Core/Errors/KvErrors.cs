namespace EdgeKv.Core;

/// <summary>
/// Every message the engine gives people, in one place. Where Deno KV has a message for the same error, it is
/// Deno's word for word, so programs and people that know Deno recognise it.
/// </summary>
public static class KvErrors
{
    /// <summary>A write key longer than <see cref="KvLimits.MaxWriteKeyBytes"/>.</summary>
    public const string KeyTooLargeForWrite = "Key too large for write (max 2048 bytes)";

    /// <summary>A read key longer than <see cref="KvLimits.MaxReadKeyBytes"/>.</summary>
    public const string KeyTooLargeForRead = "Key too large for read (max 2049 bytes)";

    /// <summary>A key with no parts where a key is written.</summary>
    public const string EmptyKey = "key cannot be empty";

    /// <summary>A value over <see cref="KvLimits.MaxValueBytes"/>.</summary>
    public const string ValueTooLarge = "Value too large (max 26214400 bytes)";

    /// <summary>More than <see cref="KvLimits.MaxReadRanges"/> keys in one read.</summary>
    public const string TooManyRanges = "Too many ranges (max 10)";

    /// <summary>More than <see cref="KvLimits.MaxWatchedKeys"/> keys in one watch.</summary>
    public const string TooManyWatchedKeys = "Too many keys (max 10)";

    /// <summary>A watch of no keys at all: it could never report anything, yet would hold a stream open.</summary>
    public const string NoWatchedKeys = "A watch needs at least one key";

    /// <summary>More than <see cref="KvLimits.MaxChecks"/> checks.</summary>
    public const string TooManyChecks = "Too many checks (max 100)";

    /// <summary>More than <see cref="KvLimits.MaxMutations"/> mutations.</summary>
    public const string TooManyMutations = "Too many mutations (max 1000)";

    /// <summary>An atomic operation over <see cref="KvLimits.MaxTotalMutationBytes"/>.</summary>
    public const string TotalMutationSizeTooLarge = "Total mutation size too large (max 33554432 bytes)";

    /// <summary>A list selector that is neither a prefix nor a start/end range.</summary>
    public const string InvalidSelector = "Selector must specify either 'prefix' or both 'start' and 'end' key";

    /// <summary>A range whose start is after its end.</summary>
    public const string StartAfterEnd = "Start key is greater than end key";

    /// <summary>A start key outside the selector's prefix.</summary>
    public const string StartOutsidePrefix = "Start key is not in the keyspace defined by prefix";

    /// <summary>An end key outside the selector's prefix.</summary>
    public const string EndOutsidePrefix = "End key is not in the keyspace defined by prefix";

    /// <summary>A cursor this selector did not produce.</summary>
    public const string InvalidCursor = "invalid cursor";

    /// <summary>A list limit below one.</summary>
    public const string InvalidLimit = "limit must be a positive integer";

    /// <summary>A batch size outside 1..<see cref="KvLimits.MaxListBatchSize"/>.</summary>
    public const string InvalidBatchSize = "batchSize must be between 1 and 1000";

    /// <summary>A sum on a stored value that is not a KvU64.</summary>
    public const string SumOnNonU64 = "Failed to perform 'sum' mutation on a non-U64 value in the database";

    /// <summary>A min on a stored value that is not a KvU64.</summary>
    public const string MinOnNonU64 = "Failed to perform 'min' mutation on a non-U64 value in the database";

    /// <summary>A max on a stored value that is not a KvU64.</summary>
    public const string MaxOnNonU64 = "Failed to perform 'max' mutation on a non-U64 value in the database";

    /// <summary>A sum whose operand is a V8 number: Deno's words for a KvU64 counter summed with a number.</summary>
    public const string SumKvU64WithNumber = "Cannot sum KvU64 with Number";

    /// <summary>A sum whose operand is a V8 bigint: Deno's words for a KvU64 counter summed with a bigint.</summary>
    public const string SumKvU64WithBigInt = "Cannot sum KvU64 with BigInt";

    /// <summary>A sum whose operand is neither a KvU64 nor a V8 number or bigint.</summary>
    public const string SumOperandNotV8Number = "Some of the parameters are not valid V8 values";

    /// <summary>A min whose operand is not a KvU64.</summary>
    public const string MinOperandNotU64 = "Failed to perform 'min' mutation on a non-U64 operand";

    /// <summary>A max whose operand is not a KvU64.</summary>
    public const string MaxOperandNotU64 = "Failed to perform 'max' mutation on a non-U64 operand";

    /// <summary>A negative or non-finite expireIn.</summary>
    public const string InvalidExpireIn = "expireIn must be a positive number of milliseconds";

    /// <summary>Bytes that are not a valid tuple-encoded key.</summary>
    public const string InvalidEncodedKey = "invalid encoded key";

    /// <summary>A bigint key part of more than 255 bytes.</summary>
    public const string BigIntTooLarge = "bigint key part too large (max 255 bytes)";

    /// <summary>A namespace id that is not 1..64 of [A-Za-z0-9_-].</summary>
    public const string InvalidNamespaceId = "namespace id must be 1 to 64 characters of letters, digits, '-' or '_'";

    /// <summary>A namespace that does not exist.</summary>
    public const string NamespaceNotFound = "namespace not found";

    /// <summary>A namespace created twice.</summary>
    public const string NamespaceExists = "namespace already exists";

    /// <summary>The store was disposed.</summary>
    public const string StoreClosed = "the store is closed";

    /// <summary>Deletions after a resume point were forgotten (see <see cref="Store.IKvDeletionLog"/>).</summary>
    public const string DeletionsForgotten =
        "deletions after this versionstamp are no longer kept; start over from the current state";

    /// <summary>EdgeOne API: a key of 0 or more than 512 UTF-8 bytes.</summary>
    public const string EdgeOneKeyLength = "key must be 1 to 512 bytes";

    /// <summary>EdgeOne API: a list limit outside 1..256.</summary>
    public const string EdgeOneListLimit = "limit must be between 1 and 256";

    /// <summary>EdgeOne API: an unknown get type.</summary>
    public const string EdgeOneGetType = "type must be one of text, json, arrayBuffer, stream";

    /// <summary>EdgeOne API: a json get on a value that is not JSON.</summary>
    public const string EdgeOneNotJson = "value is not valid JSON";

    /// <summary>The storage could not be reached or failed mid-operation; the same call may succeed later.</summary>
    public const string StorageUnavailable = "the storage is unavailable right now; try again shortly";

    /// <summary>A write refused by a byte budget.</summary>
    public static string QuotaExceeded(long limitBytes) =>
        $"Storage quota exceeded: this write would take the account past its capacity of {limitBytes} bytes";

    /// <summary>
    /// The message of <paramref name="code"/>. <see cref="KvErrorCode.QuotaExceeded"/> has no fixed message: its
    /// exception carries it (<see cref="QuotaExceeded(long)"/>).
    /// </summary>
    public static string MessageOf(KvErrorCode code) => code switch
    {
        KvErrorCode.KeyTooLargeForWrite => KeyTooLargeForWrite,
        KvErrorCode.KeyTooLargeForRead => KeyTooLargeForRead,
        KvErrorCode.EmptyKey => EmptyKey,
        KvErrorCode.ValueTooLarge => ValueTooLarge,
        KvErrorCode.TooManyRanges => TooManyRanges,
        KvErrorCode.TooManyWatchedKeys => TooManyWatchedKeys,
        KvErrorCode.NoWatchedKeys => NoWatchedKeys,
        KvErrorCode.TooManyChecks => TooManyChecks,
        KvErrorCode.TooManyMutations => TooManyMutations,
        KvErrorCode.TotalMutationSizeTooLarge => TotalMutationSizeTooLarge,
        KvErrorCode.InvalidSelector => InvalidSelector,
        KvErrorCode.StartAfterEnd => StartAfterEnd,
        KvErrorCode.StartOutsidePrefix => StartOutsidePrefix,
        KvErrorCode.EndOutsidePrefix => EndOutsidePrefix,
        KvErrorCode.InvalidCursor => InvalidCursor,
        KvErrorCode.InvalidLimit => InvalidLimit,
        KvErrorCode.InvalidBatchSize => InvalidBatchSize,
        KvErrorCode.SumOnNonU64 => SumOnNonU64,
        KvErrorCode.MinOnNonU64 => MinOnNonU64,
        KvErrorCode.MaxOnNonU64 => MaxOnNonU64,
        KvErrorCode.SumKvU64WithNumber => SumKvU64WithNumber,
        KvErrorCode.SumKvU64WithBigInt => SumKvU64WithBigInt,
        KvErrorCode.SumOperandNotV8Number => SumOperandNotV8Number,
        KvErrorCode.MinOperandNotU64 => MinOperandNotU64,
        KvErrorCode.MaxOperandNotU64 => MaxOperandNotU64,
        KvErrorCode.InvalidExpireIn => InvalidExpireIn,
        KvErrorCode.InvalidEncodedKey => InvalidEncodedKey,
        KvErrorCode.BigIntTooLarge => BigIntTooLarge,
        KvErrorCode.InvalidNamespaceId => InvalidNamespaceId,
        KvErrorCode.NamespaceNotFound => NamespaceNotFound,
        KvErrorCode.NamespaceExists => NamespaceExists,
        KvErrorCode.StoreClosed => StoreClosed,
        KvErrorCode.DeletionsForgotten => DeletionsForgotten,
        KvErrorCode.EdgeOneKeyLength => EdgeOneKeyLength,
        KvErrorCode.EdgeOneListLimit => EdgeOneListLimit,
        KvErrorCode.EdgeOneGetType => EdgeOneGetType,
        KvErrorCode.EdgeOneNotJson => EdgeOneNotJson,
        KvErrorCode.TooManyBulkMutations => KvBulkLimits.TooManyMutations,
        KvErrorCode.StorageUnavailable => StorageUnavailable,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "This code has no fixed message."),
    };
}
