using System.Globalization;

namespace EdgeKv.Api.Http.Values;

/// <summary><c>expiration_ttl</c>: whole seconds from now, <see cref="KvHttpLimits.MinExpirationTtlSeconds"/> and up.</summary>
internal static class ExpirationTtl
{
    public static TimeSpan? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? FromSeconds(seconds)
            : throw KvHttpRequestException.BadRequest(KvHttpErrors.ExpirationTtl);
    }

    public static TimeSpan FromSeconds(long seconds) =>
        seconds is >= KvHttpLimits.MinExpirationTtlSeconds and <= KvHttpLimits.MaxExpirationTtlSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw KvHttpRequestException.BadRequest(KvHttpErrors.ExpirationTtl);
}
