namespace EdgeKv.Web.Components.Pages.Projects.Functions;

/// <summary>
/// The drafts of one console circuit (a browser tab), by project: kept while the tab is open, so leaving the 函数
/// section and coming back keeps unsaved work; gone with the tab. A draft is the console's scratch state, not the
/// project's: what a project runs and keeps is its deployments (chosen over a draft table: nothing half-written is
/// stored, and there is no second copy of the code to go stale or to secure).
/// </summary>
public sealed class FunctionDrafts
{
    private readonly Dictionary<int, FunctionDraft> _drafts = [];

    /// <summary>The project's draft, if this tab has one.</summary>
    public FunctionDraft? Find(int projectId) => _drafts.GetValueOrDefault(projectId);

    /// <summary>Keeps <paramref name="draft"/> as the project's draft.</summary>
    public void Keep(int projectId, FunctionDraft draft) => _drafts[projectId] = draft;
}
