namespace EdgeKv.Domain.Projects;

/// <summary>
/// A Pages project whose edge functions reach namespaces through bindings. Projects belong to a user, not to the
/// KV account: like EdgeOne Pages projects, they exist whether or not the user has KV.
/// </summary>
public class Project
{
    /// <summary>Most characters of a project name.</summary>
    public const int MaxNameLength = 64;

    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The owner's Identity user id.</summary>
    public string OwnerUserId { get; set; } = "";

    /// <summary>1..64 letters, digits, '-' or '_'; unique per owner (ignoring case).</summary>
    public string Name { get; set; } = "";

    /// <summary>When the project was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// The deployment that serves the project's functions: the newest after a deploy, an earlier one after a rollback;
    /// null before the first deploy. A plain column, not a foreign key: deployments already cascade from their project,
    /// and a key back would make the two tables delete each other in a cycle.
    /// </summary>
    public int? ActiveDeploymentId { get; set; }
}
