using System.Text;
using System.Text.Json;

namespace EdgeKv.Api.Tests.Support;

/// <summary>
/// Reads a watch response line by line, as a browser's EventSource would: events (event/id/data fields up to a
/// blank line) and comment lines. Every read waits on the stream with a generous timeout, never on a clock.
/// </summary>
internal sealed class SseStream(HttpResponseMessage response) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private StreamReader? _reader;

    public int Comments { get; private set; }

    /// <summary>The next event; fails the test if none comes in time.</summary>
    public async Task<SseEvent> NextEventAsync()
    {
        _reader ??= new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken), Encoding.UTF8);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Timeout);
        string? name = null, id = null, data = null;
        while (await _reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (data is not null)
                {
                    return new SseEvent(name, id, JsonDocument.Parse(data).RootElement.Clone(), data);
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                Comments++;
                continue;
            }

            var colon = line.IndexOf(':');
            var value = line[(colon + 1)..].TrimStart(' ');
            switch (line[..colon])
            {
                case "event": name = value; break;
                case "id": id = value; break;
                case "data": data = value; break;
            }
        }

        throw new InvalidOperationException("The stream ended before the next event.");
    }

    /// <summary>Reads until <paramref name="count"/> keep-alive comments have arrived; fails if an event comes first.</summary>
    public async Task WaitForCommentsAsync(int count)
    {
        _reader ??= new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken), Encoding.UTF8);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Timeout);
        while (Comments < count && await _reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith(':'))
            {
                Comments++;
            }
            else if (line.Length > 0)
            {
                throw new InvalidOperationException($"Expected only comments, got: {line}");
            }
        }
    }

    public void Dispose()
    {
        _reader?.Dispose();
        response.Dispose();
    }
}

/// <summary>One event: its name, id (null when it has none), parsed data and raw data line.</summary>
internal sealed record SseEvent(string? Name, string? Id, JsonElement Data, string RawData)
{
    public IReadOnlyList<JsonElement> Keys => [.. Data.GetProperty("keys").EnumerateArray()];

    public JsonElement Key(string key) => Keys.Single(k => k.GetProperty("key").GetString() == key);

    public IEnumerable<string> KeyNames => Keys.Select(k => k.GetProperty("key").GetString()!);
}
