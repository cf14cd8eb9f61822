using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Deployments;
using EdgeKv.Domain.Projects;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Pages.Functions;

/// <summary>A page context with the real functions runtime, and a signed-in user with a project.</summary>
public abstract class ProjectFunctionsContext : ConsolePageContext
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "edgekv-web-functions", Guid.NewGuid().ToString("N"));

    protected ProjectFunctionsContext() => FunctionsRuntime.Add(Services, _work);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected static Dictionary<string, string> Answering(string text) =>
        new() { ["index.js"] = $"export const onRequest = () => new Response(\"{text}\");" };

    /// <summary>A signed-in user with an open account and a project named shop.</summary>
    protected async Task<(Caller User, ProjectView Project)> UserWithProjectAsync(string email = "a@example.com")
    {
        var (user, _) = await OpenUserAsync(email);
        return (user, await Get<ProjectService>().CreateAsync(user, "shop", cancellationToken: Ct));
    }

    protected Task<DeploymentView> DeployAsync(Caller user, int projectId, IReadOnlyDictionary<string, string> files) =>
        Get<DeploymentService>().DeployAsync(user, projectId, files, Ct);

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // Nothing ran, or a killed process still holds a file; the temp cleaner takes it.
        }
    }
}
