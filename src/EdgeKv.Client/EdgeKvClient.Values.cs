using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace EdgeKv.Client;

public sealed partial class EdgeKvClient
{
    /// <summary>The value as text, or null when the key does not exist.</summary>
    public async Task<string?> GetTextAsync(string key, CancellationToken cancellationToken = default)
    {
        using var response = await SendReadAsync(Request(HttpMethod.Get, ValuePath(key, "?type=text")), cancellationToken).ConfigureAwait(false);
        return response is null ? null : await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The value's bytes, or null when the key does not exist.</summary>
    public async Task<byte[]?> GetBytesAsync(string key, CancellationToken cancellationToken = default)
    {
        using var response = await SendReadAsync(Request(HttpMethod.Get, ValuePath(key)), cancellationToken).ConfigureAwait(false);
        return response is null ? null : await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The value deserialized from JSON, or default when the key does not exist.</summary>
    public async Task<T?> GetJsonAsync<T>(string key, JsonSerializerOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var response = await SendReadAsync(Request(HttpMethod.Get, ValuePath(key, "?type=json")), cancellationToken).ConfigureAwait(false);
        return response is null ? default : await response.Content.ReadFromJsonAsync<T>(options ?? JsonOptions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The value with its encoding, versionstamp, expiration and metadata, or null when the key does not exist.</summary>
    public async Task<EdgeKvEntry?> GetEntryAsync(string key, CancellationToken cancellationToken = default)
    {
        using var response = await SendReadAsync(Request(HttpMethod.Get, ValuePath(key)), cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return null;
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var expiresAt = Header(response, "X-EdgeKv-Expiration") is { } seconds
            ? DateTimeOffset.FromUnixTimeSeconds(long.Parse(seconds, CultureInfo.InvariantCulture))
            : (DateTimeOffset?)null;
        JsonElement? metadata = Header(response, "X-EdgeKv-Metadata") is { } json ? ParseElement(json) : null;
        return new EdgeKvEntry(key, bytes, Header(response, "X-EdgeKv-Encoding") ?? "bytes", response.Headers.ETag?.Tag.Trim('"') ?? "", expiresAt, metadata);
    }

    /// <summary>Writes text; returns the commit's versionstamp.</summary>
    public Task<string> PutAsync(string key, string text, EdgeKvPutOptions? options = null, CancellationToken cancellationToken = default) =>
        PutContentAsync(key, new StringContent(text, Encoding.UTF8, "text/plain"), options, cancellationToken);

    /// <summary>Writes bytes; returns the commit's versionstamp.</summary>
    public Task<string> PutAsync(string key, byte[] bytes, EdgeKvPutOptions? options = null, CancellationToken cancellationToken = default) =>
        PutContentAsync(key, Binary(new ByteArrayContent(bytes)), options, cancellationToken);

    /// <summary>Writes a stream's bytes as they are read (up to 25 MiB); returns the commit's versionstamp.</summary>
    public Task<string> PutAsync(string key, Stream content, EdgeKvPutOptions? options = null, CancellationToken cancellationToken = default) =>
        PutContentAsync(key, Binary(new StreamContent(content)), options, cancellationToken);

    /// <summary>Writes a value as JSON (stored as JSON); returns the commit's versionstamp.</summary>
    public Task<string> PutJsonAsync<T>(
        string key, T value, EdgeKvPutOptions? options = null, JsonSerializerOptions? jsonOptions = null, CancellationToken cancellationToken = default) =>
        PutContentAsync(key, JsonContent.Create(value, options: jsonOptions ?? JsonOptions), options, cancellationToken);

    /// <summary>Deletes a key and its metadata (a no-op when missing), optionally only at a versionstamp; returns the commit's versionstamp.</summary>
    public async Task<string> DeleteAsync(string key, string? ifVersionstamp = null, CancellationToken cancellationToken = default)
    {
        var request = Request(HttpMethod.Delete, ValuePath(key));
        if (ifVersionstamp is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{ifVersionstamp}\""));
        }

        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return (await ReadJsonAsync<WriteAnswer>(response, cancellationToken).ConfigureAwait(false)).Versionstamp;
    }

    private async Task<string> PutContentAsync(string key, HttpContent content, EdgeKvPutOptions? options, CancellationToken cancellationToken)
    {
        var query = options?.ExpirationTtl is { } ttl
            ? "?expiration_ttl=" + ((long)Math.Ceiling(ttl.TotalSeconds)).ToString(CultureInfo.InvariantCulture)
            : "";
        var request = Request(HttpMethod.Put, ValuePath(key, query), content);
        if (options?.Metadata is { } metadata)
        {
            // The default encoder escapes every non-ASCII character, which keeps the header ASCII.
            request.Headers.Add("X-EdgeKv-Metadata", JsonSerializer.Serialize(metadata, metadata.GetType()));
        }

        if (options?.IfVersionstamp is { } versionstamp)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{versionstamp}\""));
        }

        if (options?.OnlyIfAbsent == true)
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);
        }

        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return (await ReadJsonAsync<WriteAnswer>(response, cancellationToken).ConfigureAwait(false)).Versionstamp;
    }

    private static HttpContent Binary(HttpContent content)
    {
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    private static JsonElement ParseElement(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
