using EdgeKv.Domain.Deployments;
using EdgeKv.Domain.Events;
using Microsoft.AspNetCore.Components;

namespace EdgeKv.Web.Components.Pages.Projects.Functions;

/// <summary>
/// 部署记录: the project's deployments, newest first, the active one marked; 回滚 makes an earlier one serve the next
/// request (after confirming). Live: a deploy or rollback from anywhere (this page, the API) shows at once.
/// </summary>
public sealed partial class DeploymentHistory
{
    private IReadOnlyList<DeploymentSummary>? _deployments;

    /// <summary>The project.</summary>
    [Parameter, EditorRequired]
    public int ProjectId { get; set; }

    [Inject]
    private DeploymentService Deployments { get; set; } = default!;

    protected override bool Concerns(DomainEvent domainEvent) =>
        domainEvent.ProjectId == ProjectId && domainEvent.Kind is DomainEventKind.DeploymentChanged or DomainEventKind.ProjectChanged;

    protected override async Task LoadDataAsync() => _deployments = await Deployments.ListAsync(Caller, ProjectId);

    private async Task RollbackAsync(DeploymentSummary deployment)
    {
        if (await ConfirmAsync(L["Deployments.Rollback.Confirm", deployment.Id], L["Deployments.Rollback.Title"], L["Deployments.Rollback"])
            && await ChangeAsync(() => Deployments.ActivateAsync(Caller, ProjectId, deployment.Id), L["Deployments.RolledBack", deployment.Id]))
        {
            await ReloadAsync();
        }
    }
}
