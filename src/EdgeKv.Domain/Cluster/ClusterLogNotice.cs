using System.Text.Json;

namespace EdgeKv.Domain.Cluster;

/// <summary>
/// The news that a node wrote lines into some projects' logs (one notification per batch of the writer, not one per
/// line), sent on the cluster's channel beside the domain events: the others' open log panels then read the new rows.
/// Carries ids only; the lines are in the admin database.
/// </summary>
/// <param name="Writer">The writing host (<see cref="FunctionLogs.ProjectLogBook.Writer"/>).</param>
/// <param name="Logs">The projects written.</param>
public sealed record ClusterLogNotice(Guid Writer, IReadOnlyList<int> Logs)
{
    /// <summary>Projects named by one notice: PostgreSQL takes payloads under 8,000 bytes, and an id is at most 11 characters and a comma.</summary>
    public const int MaxProjectsPerNotice = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The notification payload.</summary>
    public string Serialize() => JsonSerializer.Serialize(this, Json);

    /// <summary>The notice in <paramref name="payload"/>; null when it is not one (a domain event, another program's).</summary>
    public static ClusterLogNotice? TryParse(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<ClusterLogNotice>(payload, Json) is { Logs: not null, Writer: var writer } notice && writer != Guid.Empty
                ? notice
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
