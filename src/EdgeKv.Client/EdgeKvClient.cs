using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace EdgeKv.Client;

/// <summary>
/// A client of one EdgeKv namespace over the HTTP API: read, write, list, bulk and watch string keys. Thread-safe as
/// its <see cref="HttpClient"/> is; the <see cref="HttpClient"/> is the caller's (its <see cref="HttpClient.BaseAddress"/>
/// is the server's address) and is not disposed here. Errors are <see cref="EdgeKvException"/>s carrying the server's
/// code and message; a missing key reads as null.
/// </summary>
public sealed partial class EdgeKvClient
{
    private readonly HttpClient _http;
    private readonly string _namespacePath;
    private readonly AuthenticationHeaderValue _authorization;

    /// <summary>A client of namespace <paramref name="namespaceId"/> using access token <paramref name="token"/>.</summary>
    /// <param name="http">Its <see cref="HttpClient.BaseAddress"/> is the EdgeKv server, e.g. <c>https://kv.example.com/</c>.</param>
    /// <param name="namespaceId">The namespace.</param>
    /// <param name="token">A namespace access token (read-only tokens may only read).</param>
    /// <param name="routePrefix">Where the server maps the API (its default).</param>
    public EdgeKvClient(HttpClient http, string namespaceId, string token, string routePrefix = "api/v1/namespaces")
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentException.ThrowIfNullOrEmpty(namespaceId);
        ArgumentException.ThrowIfNullOrEmpty(token);
        _http = http;
        _namespacePath = $"{routePrefix.Trim('/')}/{Uri.EscapeDataString(namespaceId)}/";
        _authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>The JSON settings of values and metadata the client serializes (web defaults: camelCase).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web);

    private static string ValuePath(string key, string query = "") => "values/" + Uri.EscapeDataString(key) + query;

    private HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content = null)
    {
        // A hand-made request does not take the HttpClient's version defaults by itself (GetAsync and friends do).
        var request = new HttpRequestMessage(method, _namespacePath + path)
        {
            Content = content,
            Version = _http.DefaultRequestVersion,
            VersionPolicy = _http.DefaultVersionPolicy,
        };
        request.Headers.Authorization = _authorization;
        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        using (request)
        {
            var response = await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                using (response)
                {
                    throw await ErrorOfAsync(response, cancellationToken).ConfigureAwait(false);
                }
            }

            return response;
        }
    }

    /// <summary>The response of a read, or null when the key does not exist.</summary>
    private async Task<HttpResponseMessage?> SendReadAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (EdgeKvException e) when (e.StatusCode == HttpStatusCode.NotFound && e.Code == "key_not_found")
        {
            return null;
        }
    }

    private static async Task<EdgeKvException> ErrorOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var json = JsonDocument.Parse(body);
            var error = json.RootElement.GetProperty("error");
            return new EdgeKvException(response.StatusCode, error.GetProperty("code").GetString() ?? "", error.GetProperty("message").GetString() ?? "");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // Not the API's error shape (a proxy's page, say): keep what there is.
            return new EdgeKvException(response.StatusCode, "", $"{(int)response.StatusCode} {response.ReasonPhrase}: {body}");
        }
    }

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return await JsonSerializer.DeserializeAsync<T>(stream, JsonOptions, cancellationToken).ConfigureAwait(false)
                ?? throw new JsonException("The server answered JSON null.");
        }
    }

    private sealed record WriteAnswer(string Key, string Versionstamp);

    private sealed record BulkAnswer(int Count, string? Versionstamp);
}
