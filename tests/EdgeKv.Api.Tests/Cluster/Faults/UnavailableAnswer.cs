using System.Net;
using System.Text.Json;
using EdgeKv.Api.Http;
using EdgeKv.Core;

namespace EdgeKv.Api.Tests.Cluster.Faults;

/// <summary>
/// What a program must be answered while the storage is unavailable: 503 with <c>Retry-After</c> and the engine's
/// message (<see cref="KvErrors.StorageUnavailable"/>), as the HTTP API's JSON error or KV Connect's plain text —
/// never an HTML page or a stack trace.
/// </summary>
internal static class UnavailableAnswer
{
    /// <summary>Asserts the HTTP API's answer: <c>{"error":{"code":"unavailable","message":…}}</c>.</summary>
    public static async Task AssertJsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        AssertCommon(response, body);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        var error = json.RootElement.GetProperty("error");
        Assert.Equal((KvHttpErrorCodes.Unavailable, KvErrors.StorageUnavailable), (error.GetProperty("code").GetString(), error.GetProperty("message").GetString()));
    }

    /// <summary>Asserts KV Connect's answer: the message as plain text, a 5xx Deno's client retries by itself.</summary>
    public static async Task AssertPlainTextAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        AssertCommon(response, body);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(KvErrors.StorageUnavailable, body);
    }

    private static void AssertCommon(HttpResponseMessage response, string body)
    {
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {body}");
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }
}
