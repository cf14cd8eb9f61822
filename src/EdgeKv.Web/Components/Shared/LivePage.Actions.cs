using MudBlazor;

namespace EdgeKv.Web.Components.Shared;

public abstract partial class LivePage
{
    /// <summary>
    /// Runs a change the person asked for. On success it says <paramref name="done"/> and returns true (the page then
    /// reloads or leaves); a refusal is shown with its reason, and the page stays as it was.
    /// </summary>
    protected async Task<bool> ChangeAsync(Func<Task> change, string done)
    {
        try
        {
            await change();
        }
        catch (Exception exception)
        {
            Snackbar.Add(Errors.For(exception), Severity.Error);
            return false;
        }

        Snackbar.Add(done, Severity.Success);
        return true;
    }

    /// <summary>Asks before something that cannot be undone; true when the person confirmed with <paramref name="confirmText"/>.</summary>
    protected Task<bool> ConfirmAsync(string question, string title, string confirmText) =>
        Dialogs.ConfirmAsync(question, title, confirmText, L["Common.Cancel"]);
}
