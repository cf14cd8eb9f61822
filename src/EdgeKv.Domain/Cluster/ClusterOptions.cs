using System.Text.RegularExpressions;

namespace EdgeKv.Domain.Cluster;

/// <summary>
/// The cluster a node belongs to (<c>EdgeKv:Cluster</c>): nodes with the same <see cref="Name"/> on one admin database
/// hear each other's domain events. Only meaningful when the admin database is on PostgreSQL.
/// </summary>
public sealed partial class ClusterOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "EdgeKv:Cluster";

    /// <summary>The cluster name when none is configured.</summary>
    public const string DefaultName = "edgekv";

    /// <summary>The start-up message for a name that cannot be part of a PostgreSQL channel name.</summary>
    public const string InvalidName = "EdgeKv:Cluster:Name must be 1 to 40 characters of a-z, 0-9 and _.";

    /// <summary>
    /// The cluster's name, part of its PostgreSQL notification channel; two clusters sharing one admin database (say,
    /// staging beside production) keep apart by name.
    /// </summary>
    public string Name { get; set; } = DefaultName;

    /// <summary>Whether <see cref="Name"/> is usable.</summary>
    public bool IsValid => Name is not null && NamePattern().IsMatch(Name);

    /// <summary>The PostgreSQL channel the cluster's nodes notify and listen on.</summary>
    public string Channel => "edgekv_domain_events_" + Name;

    [GeneratedRegex("^[a-z0-9_]{1,40}$")]
    private static partial Regex NamePattern();
}
