using System.Text.Json;
using System.Text.Json.Serialization;
using EdgeKv.Domain.Events;

namespace EdgeKv.Domain.Cluster;

/// <summary>
/// One domain event as it travels between nodes: the payload of a PostgreSQL notification (JSON, well under its
/// 8,000-byte limit: an event carries ids, not data), with the sending node's id so a node skips its own.
/// </summary>
public sealed record ClusterEventMessage(Guid Node, DomainEvent Event)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Names, not numbers: nodes of different versions during a rolling upgrade still agree on what happened.
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The notification payload.</summary>
    public string Serialize() => JsonSerializer.Serialize(this, Json);

    /// <summary>The message in <paramref name="payload"/>; null when it is not one (another program on the channel, an unknown kind).</summary>
    public static ClusterEventMessage? TryParse(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<ClusterEventMessage>(payload, Json) is { Event: not null } message ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
