using System.Buffers.Binary;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Google.Protobuf;

namespace EdgeKv.Api.Tests.Support;

/// <summary>
/// Plain HTTP/1.1 requests to the KV Connect endpoints, for the protocol details and error paths no client library
/// lets a test reach (a missing header, a bad protobuf, an enqueue).
/// </summary>
internal sealed class KvConnectHttpClient(KvConnectServer server) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(server.Http1Url), Timeout = TimeSpan.FromSeconds(60) };

    public string MetadataPath(TestNamespace ns) => $"/kv/connect/{ns.Id}";

    /// <summary>POSTs a metadata exchange body (null: none) with an optional bearer token.</summary>
    public Task<HttpResponseMessage> MetadataAsync(TestNamespace ns, string? token, string? body = """{"supportedVersions":[1,2,3]}""")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, MetadataPath(ns));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return _http.SendAsync(request);
    }

    /// <summary>The database id the metadata exchange gives for the namespace.</summary>
    public async Task<string> DatabaseIdAsync(TestNamespace ns)
    {
        using var response = await MetadataAsync(ns, ns.WriteToken);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("databaseId").GetString()!;
    }

    /// <summary>POSTs a data path request with the given headers (null leaves one out).</summary>
    public Task<HttpResponseMessage> DataPathAsync(
        TestNamespace ns, string operation, IMessage body, string? token, string? databaseId, string? version = "3",
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
        => DataPathAsync(ns, operation, body.ToByteArray(), token, databaseId, version, completion);

    public Task<HttpResponseMessage> DataPathAsync(
        TestNamespace ns, string operation, byte[] body, string? token, string? databaseId, string? version = "3",
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{MetadataPath(ns)}/{operation}")
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (databaseId is not null)
        {
            request.Headers.Add("x-denokv-database-id", databaseId);
        }

        if (version is not null)
        {
            request.Headers.Add("x-denokv-version", version);
        }

        return _http.SendAsync(request, completion);
    }

    /// <summary>Reads one length-prefixed watch frame (its payload; empty for a keep-alive).</summary>
    public static async Task<byte[]> ReadFrameAsync(Stream stream, CancellationToken cancellationToken)
    {
        var header = new byte[4];
        await stream.ReadExactlyAsync(header, cancellationToken);
        var payload = new byte[BinaryPrimitives.ReadInt32LittleEndian(header)];
        await stream.ReadExactlyAsync(payload, cancellationToken);
        return payload;
    }

    public void Dispose() => _http.Dispose();
}
