using Radzen;

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
            Notifications.Notify(NotificationSeverity.Error, Errors.For(exception));
            return false;
        }

        Notifications.Notify(NotificationSeverity.Success, done);
        return true;
    }

    /// <summary>Asks before something that cannot be undone; true when the person confirmed with <paramref name="confirmText"/>.</summary>
    protected async Task<bool> ConfirmAsync(string question, string title, string confirmText)
    {
        var options = new ConfirmOptions { OkButtonText = confirmText, CancelButtonText = L["Common.Cancel"] };
        return await Dialogs.Confirm(question, title, options) == true;
    }
}
