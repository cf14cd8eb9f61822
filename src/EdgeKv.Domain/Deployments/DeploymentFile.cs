namespace EdgeKv.Domain.Deployments;

/// <summary>A file of a <see cref="Deployment"/>: its path under <c>functions/</c> (e.g. <c>api/users/[id].js</c>) and its source.</summary>
public class DeploymentFile
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The deployment it belongs to.</summary>
    public int DeploymentId { get; set; }

    /// <summary>The path under <c>functions/</c>, '/'-separated (<see cref="FunctionFilePaths"/>).</summary>
    public string Path { get; set; } = "";

    /// <summary>The source text.</summary>
    public string Content { get; set; } = "";
}
