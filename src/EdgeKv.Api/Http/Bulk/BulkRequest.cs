using System.Text.Json;
using EdgeKv.Api.Http.Values;
using EdgeKv.Core;
using EdgeKv.Core.Store;
using Microsoft.AspNetCore.Http;

namespace EdgeKv.Api.Http.Bulk;

/// <summary>Reads a bulk request's JSON array: at most <see cref="KvHttpLimits.MaxBulkBodyBytes"/>, at most <see cref="KvHttpLimits.MaxBulkItems"/> items.</summary>
internal static class BulkRequest
{
    /// <summary>The body's array elements; refuses a body that is too large, not a JSON array, or has too many items.</summary>
    public static async Task<JsonDocument> ReadArrayAsync(HttpContext context, string shapeMessage)
    {
        var body = await BoundedBody.ReadAsync(context, KvHttpLimits.MaxBulkBodyBytes)
            ?? throw new KvHttpRequestException(StatusCodes.Status413PayloadTooLarge, KvHttpErrorCodes.TooLarge, KvHttpErrors.BulkBodyTooLarge);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw KvHttpRequestException.BadRequest(shapeMessage);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            document.Dispose();
            throw KvHttpRequestException.BadRequest(shapeMessage);
        }

        if (document.RootElement.GetArrayLength() > KvHttpLimits.MaxBulkItems)
        {
            document.Dispose();
            throw KvHttpRequestException.BadRequest(KvHttpErrors.TooManyBulkItems);
        }

        return document;
    }

    /// <summary>A string property, or the shape error.</summary>
    public static string RequiredString(JsonElement item, string name, string shapeMessage) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw KvHttpRequestException.BadRequest(shapeMessage);

    /// <summary>Too many items is the API's limit; the store's bulk limit (<see cref="KvBulkLimits.MaxMutations"/>) still applies.</summary>
    public static Task<KvCommitResult> CommitAsync(IKvStore store, KvAtomicWrite write, CancellationToken cancellationToken) =>
        store.CommitBulkAsync(write, cancellationToken);

    /// <summary>Keeps the engine's message when a single value is too large, so the limit reads the same everywhere.</summary>
    public static void EnsureValueFits(int length)
    {
        if (length > KvLimits.MaxValueBytes)
        {
            throw new KvException(KvErrorCode.ValueTooLarge);
        }
    }
}
