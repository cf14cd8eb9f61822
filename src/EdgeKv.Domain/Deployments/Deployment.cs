namespace EdgeKv.Domain.Deployments;

/// <summary>
/// One deployment of a project's functions: the files of its <c>functions/</c> folder as they were sent, who sent them
/// and when. Every deployment is kept; the newest is the active one (rollback is to come).
/// </summary>
public class Deployment
{
    /// <summary>Database id (increasing: a later deployment has a larger id).</summary>
    public int Id { get; set; }

    /// <summary>The project deployed.</summary>
    public int ProjectId { get; set; }

    /// <summary>The user who deployed (the token's owner, or the console's user).</summary>
    public string CreatedByUserId { get; set; } = "";

    /// <summary>When it was deployed (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Its files.</summary>
    public List<DeploymentFile> Files { get; set; } = [];
}
