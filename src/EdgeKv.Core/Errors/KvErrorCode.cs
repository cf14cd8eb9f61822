namespace EdgeKv.Core;

/// <summary>
/// The stable code of every engine error (<see cref="KvException.Code"/>), one per message of <see cref="KvErrors"/>.
/// Callers classify errors by code, never by message text; the numbers never change and new codes are appended.
/// </summary>
public enum KvErrorCode
{
    /// <summary>A write key longer than <see cref="KvLimits.MaxWriteKeyBytes"/>.</summary>
    KeyTooLargeForWrite = 1,

    /// <summary>A read key longer than <see cref="KvLimits.MaxReadKeyBytes"/>.</summary>
    KeyTooLargeForRead = 2,

    /// <summary>A key with no parts where a key is written.</summary>
    EmptyKey = 3,

    /// <summary>A value over <see cref="KvLimits.MaxValueBytes"/>.</summary>
    ValueTooLarge = 4,

    /// <summary>More than <see cref="KvLimits.MaxReadRanges"/> keys in one read.</summary>
    TooManyRanges = 5,

    /// <summary>More than <see cref="KvLimits.MaxWatchedKeys"/> keys in one watch.</summary>
    TooManyWatchedKeys = 6,

    /// <summary>A watch of no keys at all: it could never report anything, yet would hold a stream open.</summary>
    NoWatchedKeys = 7,

    /// <summary>More than <see cref="KvLimits.MaxChecks"/> checks.</summary>
    TooManyChecks = 8,

    /// <summary>More than <see cref="KvLimits.MaxMutations"/> mutations.</summary>
    TooManyMutations = 9,

    /// <summary>An atomic operation over <see cref="KvLimits.MaxTotalMutationBytes"/>.</summary>
    TotalMutationSizeTooLarge = 10,

    /// <summary>A list selector that is neither a prefix nor a start/end range.</summary>
    InvalidSelector = 11,

    /// <summary>A range whose start is after its end.</summary>
    StartAfterEnd = 12,

    /// <summary>A start key outside the selector's prefix.</summary>
    StartOutsidePrefix = 13,

    /// <summary>An end key outside the selector's prefix.</summary>
    EndOutsidePrefix = 14,

    /// <summary>A cursor this selector did not produce.</summary>
    InvalidCursor = 15,

    /// <summary>A list limit below one.</summary>
    InvalidLimit = 16,

    /// <summary>A batch size outside 1..<see cref="KvLimits.MaxListBatchSize"/>.</summary>
    InvalidBatchSize = 17,

    /// <summary>A sum on a stored value that is not a KvU64.</summary>
    SumOnNonU64 = 18,

    /// <summary>A min on a stored value that is not a KvU64.</summary>
    MinOnNonU64 = 19,

    /// <summary>A max on a stored value that is not a KvU64.</summary>
    MaxOnNonU64 = 20,

    /// <summary>A sum whose operand is a V8 number: Deno's words for a KvU64 counter summed with a number.</summary>
    SumKvU64WithNumber = 21,

    /// <summary>A sum whose operand is a V8 bigint: Deno's words for a KvU64 counter summed with a bigint.</summary>
    SumKvU64WithBigInt = 22,

    /// <summary>A sum whose operand is neither a KvU64 nor a V8 number or bigint.</summary>
    SumOperandNotV8Number = 23,

    /// <summary>A min whose operand is not a KvU64.</summary>
    MinOperandNotU64 = 24,

    /// <summary>A max whose operand is not a KvU64.</summary>
    MaxOperandNotU64 = 25,

    /// <summary>A negative or non-finite expireIn.</summary>
    InvalidExpireIn = 26,

    /// <summary>Bytes that are not a valid tuple-encoded key.</summary>
    InvalidEncodedKey = 27,

    /// <summary>A bigint key part of more than 255 bytes.</summary>
    BigIntTooLarge = 28,

    /// <summary>A namespace id that is not 1..64 of [A-Za-z0-9_-].</summary>
    InvalidNamespaceId = 29,

    /// <summary>A namespace that does not exist.</summary>
    NamespaceNotFound = 30,

    /// <summary>A namespace created twice.</summary>
    NamespaceExists = 31,

    /// <summary>The store was disposed.</summary>
    StoreClosed = 32,

    /// <summary>Deletions after a resume point were forgotten (see <see cref="Store.IKvDeletionLog"/>).</summary>
    DeletionsForgotten = 33,

    /// <summary>EdgeOne API: a key of 0 or more than 512 UTF-8 bytes.</summary>
    EdgeOneKeyLength = 34,

    /// <summary>EdgeOne API: a list limit outside 1..256.</summary>
    EdgeOneListLimit = 35,

    /// <summary>EdgeOne API: an unknown get type.</summary>
    EdgeOneGetType = 36,

    /// <summary>EdgeOne API: a json get on a value that is not JSON.</summary>
    EdgeOneNotJson = 37,

    /// <summary>More than <see cref="KvBulkLimits.MaxMutations"/> mutations in one bulk commit.</summary>
    TooManyBulkMutations = 38,

    /// <summary>A write refused by a byte budget (<see cref="KvQuotaExceededException"/>).</summary>
    QuotaExceeded = 39,

    /// <summary>
    /// The storage could not be reached or failed mid-operation (a database server restarting): nothing is known to
    /// have changed, and the same call may succeed later.
    /// </summary>
    StorageUnavailable = 40,
}
