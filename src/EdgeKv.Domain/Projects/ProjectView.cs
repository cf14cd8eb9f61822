namespace EdgeKv.Domain.Projects;

/// <summary>A project as the console lists it.</summary>
/// <param name="Id">Database id.</param>
/// <param name="OwnerUserId">The owning user.</param>
/// <param name="Name">The project's name.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
/// <param name="BindingCount">Namespaces bound to it.</param>
public sealed record ProjectView(int Id, string OwnerUserId, string Name, DateTime CreatedAt, int BindingCount);
