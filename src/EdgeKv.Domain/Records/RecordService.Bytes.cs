using System.Text;
using System.Text.Json;
using EdgeKv.Core;
using EdgeKv.Core.Values;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Errors;

namespace EdgeKv.Domain.Records;

public sealed partial class RecordService
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Writes the record of string key <paramref name="key"/> from raw bytes (the console's file upload), stored
    /// as they are: as <see cref="KvValueEncoding.Bytes"/>, or as text or JSON when <paramref name="format"/> says so and
    /// the bytes are valid UTF-8 (<see cref="DomainErrors.InvalidUtf8"/>) or JSON (<see cref="DomainErrors.InvalidJson"/>).
    /// A value over <see cref="KvLimits.MaxValueBytes"/> is refused with <see cref="DomainErrors.ValueTooLarge"/> and
    /// a write over the account's capacity with <see cref="DomainErrors.QuotaExceeded"/>; neither writes anything.
    /// </summary>
    public async Task<Versionstamp> PutBytesAsync(
        Caller caller,
        int namespaceId,
        string key,
        ReadOnlyMemory<byte> content,
        RecordFormat format,
        TimeSpan? expireIn,
        CancellationToken cancellationToken = default)
    {
        var tupleKey = RecordKeys.FromString(key);
        var value = ValueOf(content, format);
        var (store, _, _) = await OpenForWriteAsync(caller, namespaceId, cancellationToken);
        return await EngineAsync(() => store.SetAsync(tupleKey, value, expireIn, cancellationToken));
    }

    /// <summary>The value <paramref name="content"/> stands for in <paramref name="format"/>, checked; the bytes are not copied.</summary>
    private static KvValue ValueOf(ReadOnlyMemory<byte> content, RecordFormat format)
    {
        // Checked here as well as by the engine so the refusal carries its own code, whichever path the bytes took.
        if (content.Length > KvLimits.MaxValueBytes)
        {
            throw DomainErrors.ValueTooLarge.ToException();
        }

        switch (format)
        {
            case RecordFormat.Text:
                try
                {
                    StrictUtf8.GetCharCount(content.Span);
                }
                catch (DecoderFallbackException exception)
                {
                    throw new DomainException(DomainErrors.InvalidUtf8, exception);
                }

                return KvValue.FromStorage(KvValueEncoding.Text, content);
            case RecordFormat.Json:
                try
                {
                    // The reader validates UTF-8 as well as the JSON grammar.
                    using var document = JsonDocument.Parse(content);
                }
                catch (JsonException exception)
                {
                    throw new DomainException(DomainErrors.InvalidJson, exception);
                }

                return KvValue.FromStorage(KvValueEncoding.Json, content);
            default:
                return KvValue.Bytes(content);
        }
    }
}
