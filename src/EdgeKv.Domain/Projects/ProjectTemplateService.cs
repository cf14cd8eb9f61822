using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Bindings;
using EdgeKv.Domain.Deployments;
using EdgeKv.Domain.Namespaces;

namespace EdgeKv.Domain.Projects;

/// <summary>
/// 新建项目 from a template. <see cref="ProjectTemplate.Blank"/> is a plain project; <see cref="ProjectTemplate.Counter"/>
/// also creates a namespace (<see cref="CounterTemplate.NamespaceName"/>), binds it as <c>my_kv</c> and deploys the
/// guide's counter, so the functions URL counts from the first visit. Each step is the ordinary use case, with its
/// rules (an open KV account, the namespace limit, unique names); when one refuses, what the earlier steps made is
/// deleted again and the refusal is the caller's error.
/// </summary>
public sealed class ProjectTemplateService
{
    private readonly ProjectService _projects;
    private readonly NamespaceService _namespaces;
    private readonly BindingService _bindings;
    private readonly DeploymentService _deployments;

    /// <summary>Made by dependency injection.</summary>
    public ProjectTemplateService(ProjectService projects, NamespaceService namespaces, BindingService bindings, DeploymentService deployments)
    {
        _projects = projects;
        _namespaces = namespaces;
        _bindings = bindings;
        _deployments = deployments;
    }

    /// <summary>Creates the project <paramref name="name"/> of <paramref name="template"/> for the caller (an admin may name another owner).</summary>
    public async Task<ProjectView> CreateAsync(
        Caller caller, string name, ProjectTemplate template, string? ownerUserId = null, CancellationToken cancellationToken = default)
    {
        if (template == ProjectTemplate.Blank)
        {
            return await _projects.CreateAsync(caller, name, ownerUserId, cancellationToken);
        }

        var owner = ownerUserId ?? caller.UserId;
        var project = await _projects.CreateAsync(caller, name, ownerUserId, cancellationToken);
        NamespaceView? ns = null;
        try
        {
            var taken = (await _namespaces.ListAsync(caller, owner, cancellationToken)).Select(n => n.Name).ToList();
            ns = await _namespaces.CreateAsync(caller, CounterTemplate.NamespaceName(project.Name, taken), ownerUserId, cancellationToken);
            await _bindings.BindAsync(caller, ns.Id, project.Id, CounterTemplate.VariableName, cancellationToken);
            await _deployments.DeployAsync(caller, project.Id, new Dictionary<string, string> { [CounterTemplate.FilePath] = CounterTemplate.Function }, cancellationToken);
            return await _projects.GetAsync(caller, project.Id, cancellationToken);
        }
        catch
        {
            // Undo with no token to cancel: the refusal is the answer, a half-made project would not be.
            if (ns is not null)
            {
                await _namespaces.DeleteAsync(caller, ns.Id, CancellationToken.None);
            }

            await _projects.DeleteAsync(caller, project.Id, CancellationToken.None);
            throw;
        }
    }
}
