using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace EdgeKv.Functions.Outbound;

/// <summary>
/// A function's <c>fetch</c>, performed by the host (the Deno process has no network permission at all, ADR 0007):
/// the runtime sends the request over its channel, this client makes it and answers with the response. Off unless
/// the operator sets <c>EdgeKv:Functions:OutboundNetwork</c>. Every connection — the first and each redirect's — goes
/// through <see cref="ConnectAsync"/>, which resolves the name itself and refuses when any of its addresses is one
/// <see cref="OutboundAddressPolicy"/> refuses, then connects to exactly the address it checked (no second lookup
/// that DNS could answer differently). No proxy, no cookies; bodies bounded by <see cref="FunctionLimits.MaxFetchResponseBytes"/>.
/// </summary>
public sealed class OutboundFetch : IDisposable
{
    private readonly bool _enabled;
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;
    private readonly Lazy<HttpClient> _client;

    /// <summary>Made by dependency injection: on per <see cref="FunctionsOptions.OutboundNetwork"/>, names resolved by DNS.</summary>
    public OutboundFetch(IOptions<FunctionsOptions> options)
        : this(options.Value.OutboundNetwork, Dns.GetHostAddressesAsync, options.Value.WallTime)
    {
    }

    /// <summary>With a resolver of one's own (tests: names that resolve to chosen addresses).</summary>
    public OutboundFetch(bool enabled, Func<string, CancellationToken, Task<IPAddress[]>> resolve, TimeSpan timeout)
    {
        _enabled = enabled;
        _resolve = resolve;
        _client = new(() => new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = (context, token) => ConnectAsync(context.DnsEndPoint, token),
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = FunctionLimits.MaxFetchRedirects,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        })
        {
            Timeout = timeout,
        });
    }

    /// <summary>
    /// The address <paramref name="host"/> is reached at, or <see cref="FetchRefusedException"/> with
    /// <see cref="FunctionLimits.FetchAddressRefused"/> when any of its addresses is refused.
    /// </summary>
    public async Task<IPAddress> ResolveAllowedAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await _resolve(host, cancellationToken);
        // Any refused address refuses the name: a record set mixing public and internal addresses is a rebinding trick.
        if (addresses.Length == 0 || addresses.Any(OutboundAddressPolicy.IsRefused))
        {
            throw new FetchRefusedException(FunctionLimits.FetchAddressRefused(host));
        }

        return addresses[0];
    }

    /// <summary>
    /// Performs the runtime's fetch frame (<c>url</c>, <c>method</c>, <c>headers</c> as pairs, <c>bytes</c> in base64)
    /// and gives the response as <c>{ status, statusText, url, headers, bytes }</c>; failures are
    /// <see cref="FetchRefusedException"/> or <see cref="HttpRequestException"/>, whose message the function's TypeError carries.
    /// </summary>
    public async Task<JsonObject> SendAsync(JsonObject call, CancellationToken cancellationToken)
    {
        if (!_enabled)
        {
            throw new FetchRefusedException(FunctionLimits.FetchOff);
        }

        using var request = ToRequest(call);
        try
        {
            using var response = await _client.Value.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var body = await ReadBoundedAsync(response.Content, cancellationToken);
            var headers = response.Headers.Concat(response.Content.Headers)
                .Where(h => !h.Key.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase) && !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                .SelectMany(h => h.Value.Select(v => (JsonNode)new JsonArray(h.Key.ToLowerInvariant(), v)));
            return new JsonObject
            {
                ["status"] = (int)response.StatusCode,
                ["statusText"] = response.ReasonPhrase ?? "",
                ["url"] = response.RequestMessage?.RequestUri?.AbsoluteUri ?? request.RequestUri!.AbsoluteUri,
                ["headers"] = new JsonArray([.. headers]),
                ["bytes"] = Convert.ToBase64String(body),
            };
        }
        catch (HttpRequestException exception) when (exception.InnerException is FetchRefusedException refused)
        {
            // The connect callback's refusal arrives wrapped: the function sees its message, not the wrapper's.
            throw refused;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HttpRequestException("fetch failed: no answer within the wall-time limit.");
        }
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > FunctionLimits.MaxFetchResponseBytes)
        {
            throw new FetchRefusedException(FunctionLimits.FetchResponseTooLarge);
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > FunctionLimits.MaxFetchResponseBytes)
            {
                throw new FetchRefusedException(FunctionLimits.FetchResponseTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }

    private static HttpRequestMessage ToRequest(JsonObject call)
    {
        if (!Uri.TryCreate(call["url"]?.GetValue<string>(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new FetchRefusedException(FunctionLimits.FetchSchemeRefused);
        }

        var request = new HttpRequestMessage(new HttpMethod(call["method"]?.GetValue<string>() ?? "GET"), url);
        if (call["bytes"]?.GetValue<string>() is { } base64)
        {
            request.Content = new ByteArrayContent(Convert.FromBase64String(base64));
        }

        foreach (var pair in (call["headers"] as JsonArray ?? []).OfType<JsonArray>())
        {
            var (name, value) = (pair[0]!.GetValue<string>(), pair[1]!.GetValue<string>());
            if (!request.Headers.TryAddWithoutValidation(name, value) && request.Content is not null)
            {
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }

    private async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        var address = await ResolveAllowedAsync(endpoint.Host, cancellationToken);
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
