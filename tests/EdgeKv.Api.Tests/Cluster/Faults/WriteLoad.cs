using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace EdgeKv.Api.Tests.Cluster.Faults;

/// <summary>
/// Concurrent HTTP API writers, each writing fresh keys (<c>{node}-{writer}-{n}</c>, the key as its value) one PUT after
/// another as fast as its node answers, keeping what was acknowledged and what failed. Every request has a timeout, so
/// a hung node shows as failures, never as a hung test. A writer whose write failed pauses briefly before the next,
/// as a client backing off would; one started with <c>stopOnFailure</c> ends instead.
/// </summary>
internal sealed class WriteLoad : IAsyncDisposable
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PauseAfterFailure = TimeSpan.FromMilliseconds(50);

    private readonly string _storeId;
    private readonly string _token;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _writers = [];
    private readonly List<HttpClient> _clients = [];
    private TaskCompletionSource _changed = NewSignal();

    public WriteLoad(string storeId, string token)
    {
        _storeId = storeId;
        _token = token;
    }

    /// <summary>Every acknowledged write, of every node.</summary>
    public ConcurrentQueue<AcknowledgedWrite> Acknowledged { get; } = new();

    /// <summary>Time since the load was made; failures carry it.</summary>
    public TimeSpan Now => _clock.Elapsed;

    /// <summary>Starts <paramref name="count"/> writers through the node at <paramref name="url"/>.</summary>
    public NodeWriters Start(string node, string url, int count, bool stopOnFailure = false)
    {
        var writers = new NodeWriters(node);
        var http = new HttpClient { BaseAddress = new Uri(url), Timeout = RequestTimeout };
        _clients.Add(http);
        for (var i = 0; i < count; i++)
        {
            var writer = i;
            _writers.Add(Task.Run(() => WriteAsync(http, writers, writer, stopOnFailure)));
        }

        return writers;
    }

    /// <summary>Waits until <paramref name="condition"/> holds (checked at every write's outcome), or throws after <paramref name="timeout"/>.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;
            if (condition())
            {
                return;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Not within {timeout.TotalSeconds} s: {what}.");
            }
        }
    }

    /// <summary>Stops the writers: each finishes the request it has in flight (bounded by its timeout) and ends.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_writers);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        _stop.Dispose();
    }

    private async Task WriteAsync(HttpClient http, NodeWriters writers, int writer, bool stopOnFailure)
    {
        for (var n = 0; !_stop.IsCancellationRequested; n++)
        {
            var key = $"{writers.Node}-{writer:D2}-{n:D6}";
            var failure = await PutAsync(http, writers.Node, key);
            if (failure is null)
            {
                writers.CountAcknowledged();
            }
            else
            {
                writers.Failures.Enqueue(failure);
            }

            Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();
            if (failure is not null)
            {
                if (stopOnFailure)
                {
                    return;
                }

                await Task.Delay(PauseAfterFailure);
            }
        }
    }

    // The request is not cancelled by StopAsync: a write in flight gets its answer, so "acknowledged" stays exact.
    private async Task<WriteFailure?> PutAsync(HttpClient http, string node, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/namespaces/{_storeId}/values/{key}")
        {
            Content = new StringContent(key, Encoding.UTF8, "text/plain"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        try
        {
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode)
            {
                using var answer = JsonDocument.Parse(body);
                Acknowledged.Enqueue(new AcknowledgedWrite(key, answer.RootElement.GetProperty("versionstamp").GetString()!, node));
                return null;
            }

            return Refusal(node, response, body);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            return new WriteFailure(node, Now, null, null, null, null, $"{exception.GetType().Name}: {exception.Message}");
        }
    }

    private WriteFailure Refusal(string node, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        var contentType = response.Content.Headers.ContentType?.MediaType;
        var retryAfter = response.Headers.RetryAfter?.Delta;
        try
        {
            using var document = JsonDocument.Parse(body);
            var error = document.RootElement.GetProperty("error");
            return new WriteFailure(node, Now, status, error.GetProperty("code").GetString(), error.GetProperty("message").GetString(), null, null, contentType, retryAfter);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // Not the API's error shape (a stack trace, an HTML page, nothing): kept raw for the assertion to show.
            return new WriteFailure(node, Now, status, null, null, body.Length > 500 ? body[..500] : body, null, contentType, retryAfter);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
