using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace EdgeKv.Api.Tests.Support;

/// <summary>Plain HTTP/1.1 requests to the HTTP API of the test host, as any program would send them.</summary>
internal sealed class HttpApi(KvConnectServer server) : IDisposable
{
    public HttpClient Http { get; } = new() { BaseAddress = new Uri(server.Http1Url), Timeout = TimeSpan.FromSeconds(120) };

    public static string Base(TestNamespace ns) => $"/api/v1/namespaces/{ns.Id}";

    public static string Value(TestNamespace ns, string key, string query = "") => $"{Base(ns)}/values/{Uri.EscapeDataString(key)}{query}";

    public Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, string? token, HttpContent? content = null, Action<HttpRequestMessage>? configure = null,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        configure?.Invoke(request);
        return Http.SendAsync(request, completion, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> PutTextAsync(TestNamespace ns, string key, string text, string query = "", Action<HttpRequestMessage>? configure = null) =>
        SendAsync(HttpMethod.Put, Value(ns, key, query), ns.WriteToken, new StringContent(text, Encoding.UTF8, "text/plain"), configure);

    public Task<HttpResponseMessage> GetAsync(TestNamespace ns, string path, string? token = null) =>
        SendAsync(HttpMethod.Get, path, token ?? ns.ReadToken);

    /// <summary>The value read back as text, or null on 404.</summary>
    public async Task<string?> GetTextAsync(TestNamespace ns, string key)
    {
        using var response = await GetAsync(ns, Value(ns, key, "?type=text"));
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return document.RootElement.Clone();
    }

    /// <summary>The code and message of a JSON error answer.</summary>
    public static async Task<(string Code, string Message)> ErrorAsync(HttpResponseMessage response)
    {
        var error = (await JsonAsync(response)).GetProperty("error");
        return (error.GetProperty("code").GetString()!, error.GetProperty("message").GetString()!);
    }

    public void Dispose() => Http.Dispose();
}
