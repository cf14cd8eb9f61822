using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EdgeKv.Api.Http.Values;

/// <summary>
/// The string key of <c>.../values/{key}</c>, percent-decoded from the raw request target. The routed value cannot be
/// trusted for this: the server decodes the path except <c>%2F</c> (so a key containing '/' arrives still encoded)
/// while it does decode <c>%25</c>, which makes "a%2Fb" and "a/b" indistinguishable there. Unencoded slashes are
/// accepted too (the route is a catch-all), so <c>values/a/b</c> is the key "a/b".
/// </summary>
internal static class RouteKey
{
    private const string ValuesSegment = "/values/";

    // Throws on invalid bytes instead of replacing them: a key is text, and a byte sequence that is not UTF-8 must be
    // refused, not silently stored as something else (Uri.UnescapeDataString kept "%FF%FE" as those six characters).
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The decoded key; a <see cref="KvHttpRequestException"/> (400) when its bytes are not UTF-8.</summary>
    public static string Of(HttpContext context, string? routedKey)
    {
        var namespaceId = context.Request.RouteValues["namespaceId"] as string;
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || string.IsNullOrEmpty(namespaceId))
        {
            return routedKey ?? "";
        }

        var query = raw.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? raw : raw[..query];
        var marker = "/" + namespaceId + ValuesSegment;
        var at = path.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? routedKey ?? "" : Decode(path[(at + marker.Length)..]);
    }

    /// <summary>
    /// Percent-decodes <paramref name="encoded"/> to bytes and reads them as strict UTF-8. A '%' not followed by two hex
    /// digits stays a literal '%' (as before); any sequence that is not UTF-8 is refused with
    /// <see cref="KvHttpErrors.KeyNotUtf8"/>.
    /// </summary>
    public static string Decode(string encoded)
    {
        if (!encoded.Contains('%', StringComparison.Ordinal))
        {
            return encoded;
        }

        var bytes = new List<byte>(encoded.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c == '%' && i + 2 < encoded.Length && IsHex(encoded[i + 1]) && IsHex(encoded[i + 2]))
            {
                bytes.Add((byte)((HexValue(encoded[i + 1]) << 4) | HexValue(encoded[i + 2])));
                i += 2;
                continue;
            }

            // Unescaped characters (ASCII in a well-formed target) keep their own UTF-8 bytes.
            var count = Encoding.UTF8.GetBytes(encoded.AsSpan(i, char.IsHighSurrogate(c) && i + 1 < encoded.Length ? 2 : 1), utf8);
            if (count > 0 && char.IsHighSurrogate(c))
            {
                i++;
            }

            for (var b = 0; b < count; b++)
            {
                bytes.Add(utf8[b]);
            }
        }

        try
        {
            return StrictUtf8.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            throw KvHttpRequestException.BadRequest(KvHttpErrors.KeyNotUtf8);
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
