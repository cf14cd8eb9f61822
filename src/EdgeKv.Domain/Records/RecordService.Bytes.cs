using System.Text.Unicode;
using System.Text.Json;
using EdgeKv.Core;
using EdgeKv.Core.Values;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Errors;

namespace EdgeKv.Domain.Records;

public sealed partial class RecordService
{
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
        RecordKeys.FromString(key);
        RecordExpiry.Check(expireIn);
        var value = ValueOf(content, format);
        var (store, _, _) = await OpenForWriteAsync(caller, namespaceId, cancellationToken);
        return await WriteAsync(store, key, value, expireIn, cancellationToken);
    }

    /// <summary>The value <paramref name="content"/> stands for in <paramref name="format"/>, checked; the bytes are not copied.</summary>
    private static KvValue ValueOf(ReadOnlyMemory<byte> content, RecordFormat format)
    {
        // Checked here as well as by the engine so the refusal carries its own code, whichever path the bytes took.
        if (content.Length > KvLimits.MaxValueBytes)
        {
            throw DomainErrors.ValueTooLarge.ToException();
        }

        return format switch
        {
            RecordFormat.Text => Utf8.IsValid(content.Span) ? KvValue.FromStorage(KvValueEncoding.Text, content) : throw DomainErrors.InvalidUtf8.ToException(),

            // JSON is UTF-8 (RFC 8259); the parser alone leaves bad bytes inside strings unchecked until they are read.
            RecordFormat.Json => Utf8.IsValid(content.Span) && IsJson(content) ? KvValue.FromStorage(KvValueEncoding.Json, content) : throw DomainErrors.InvalidJson.ToException(),
            _ => KvValue.Bytes(content),
        };
    }

    private static bool IsJson(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
