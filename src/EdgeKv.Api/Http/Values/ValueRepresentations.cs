using System.Globalization;
using System.Text;
using EdgeKv.Core;
using EdgeKv.Core.Values;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace EdgeKv.Api.Http.Values;

/// <summary>Choosing and rendering a <see cref="ValueRepresentation"/>.</summary>
internal static class ValueRepresentations
{
    private const string OctetStream = "application/octet-stream";

    public static ValueRepresentation Choose(string? type, IList<MediaTypeHeaderValue> accept)
    {
        if (type is not null)
        {
            return type switch
            {
                "text" => ValueRepresentation.Text,
                "json" => ValueRepresentation.Json,
                "arrayBuffer" or "stream" => ValueRepresentation.Bytes,
                _ => throw new KvException(KvErrorCode.EdgeOneGetType),
            };
        }

        foreach (var mediaType in accept.OrderByDescending(m => m.Quality ?? 1))
        {
            if (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            {
                return ValueRepresentation.Json;
            }

            if (mediaType.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase))
            {
                return ValueRepresentation.Text;
            }

            if (mediaType.MediaType.Equals(OctetStream, StringComparison.OrdinalIgnoreCase) || mediaType.MatchesAllTypes)
            {
                return ValueRepresentation.Bytes;
            }
        }

        return ValueRepresentation.Bytes;
    }

    /// <summary>The answer for <paramref name="value"/>; 406 when JSON is asked for a value that is not JSON.</summary>
    public static IResult Render(KvValue value, ValueRepresentation representation) => representation switch
    {
        ValueRepresentation.Text => Results.Bytes(Encoding.UTF8.GetBytes(TextOf(value)), "text/plain; charset=utf-8"),
        ValueRepresentation.Json => JsonOf(value) is { } json
            ? Results.Bytes(json, "application/json; charset=utf-8")
            : KvHttpError.Result(StatusCodes.Status406NotAcceptable, KvHttpErrorCodes.NotAcceptable, KvErrors.EdgeOneNotJson),
        _ => Results.Bytes(value.Data, OctetStream),
    };

    /// <summary>The name of a stored encoding, as <see cref="KvHttpHeaders.Encoding"/> and watch events give it.</summary>
    public static string EncodingName(KvValueEncoding encoding) => encoding switch
    {
        KvValueEncoding.Text => "text",
        KvValueEncoding.Json => "json",
        KvValueEncoding.U64 => "u64",
        KvValueEncoding.V8 => "v8",
        _ => "bytes",
    };

    // As EdgeOne reads text: KvU64 as its decimal number; V8 values (from Deno clients) as Deno prints them, which for
    // strings, numbers, booleans and null is also their JSON.
    private static string TextOf(KvValue value) => value.Encoding switch
    {
        KvValueEncoding.U64 => value.AsU64().ToString(CultureInfo.InvariantCulture),
        KvValueEncoding.V8 => KvValueDisplay.Format(value),
        _ => value.AsText(),
    };

    private static ReadOnlyMemory<byte>? JsonOf(KvValue value)
    {
        if (value.Encoding == KvValueEncoding.U64)
        {
            return Encoding.UTF8.GetBytes(value.AsU64().ToString(CultureInfo.InvariantCulture));
        }

        ReadOnlyMemory<byte> bytes = value.Encoding == KvValueEncoding.V8 ? Encoding.UTF8.GetBytes(TextOf(value)) : value.Data;
        // Not "? bytes : null": null would convert to an empty ReadOnlyMemory through byte[], not to a null Nullable.
        if (!KvHttpJson.IsValid(bytes.Span))
        {
            return null;
        }

        return bytes;
    }
}
