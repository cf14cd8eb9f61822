using System.Text;

namespace EdgeKv.Client;

/// <summary>
/// Reads Server-Sent Events from a text stream, as the HTML standard defines the format: <c>field: value</c> lines,
/// an event dispatched at a blank line, comment lines starting with ':' ignored, several data lines joined by '\n'.
/// </summary>
internal sealed class ServerSentEventReader(TextReader reader)
{
    /// <summary>The next event, or null at the end of the stream.</summary>
    public async Task<ServerSentEvent?> ReadAsync(CancellationToken cancellationToken)
    {
        string? eventName = null;
        string? id = null;
        var data = new StringBuilder();
        var hasData = false;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                if (hasData)
                {
                    return new ServerSentEvent(eventName ?? "message", id, data.ToString());
                }

                eventName = null;
                continue;
            }

            if (line[0] == ':')
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..];
            if (value.StartsWith(' '))
            {
                value = value[1..];
            }

            switch (field)
            {
                case "event":
                    eventName = value;
                    break;
                case "id":
                    id = value;
                    break;
                case "data":
                    data.Append(hasData ? "\n" : "").Append(value);
                    hasData = true;
                    break;
            }
        }

        return null;
    }
}

/// <summary>One dispatched event.</summary>
internal sealed record ServerSentEvent(string Event, string? Id, string Data);
