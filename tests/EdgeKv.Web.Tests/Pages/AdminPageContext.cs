using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Authorization;
using EdgeKv.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EdgeKv.Web.Tests.Pages;

/// <summary>
/// The admin pages' tests: the real domain, MudBlazor's providers rendered as the layout renders them (dialogs and
/// popovers appear in them), and what the snackbar said.
/// </summary>
public abstract class AdminPageContext : ConsolePageContext
{
    /// <summary>Where dialogs the page opens render.</summary>
    protected IRenderedComponent<MudDialogProvider> DialogHost { get; private set; } = default!;

    /// <summary>Where selects' and tooltips' content renders.</summary>
    protected IRenderedComponent<MudPopoverProvider> Popovers { get; private set; } = default!;

    /// <summary>Renders <typeparamref name="TPage"/> signed in as the seeded admin, after the providers.</summary>
    protected IRenderedComponent<TPage> RenderAsAdmin<TPage>(Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : IComponent
    {
        SignIn(Admin, "admin@edgekv.local");
        return RenderWithProviders(parameters);
    }

    /// <summary>Renders <typeparamref name="TPage"/> for whoever is signed in, after the providers.</summary>
    protected IRenderedComponent<TPage> RenderWithProviders<TPage>(Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : IComponent
    {
        Popovers = RenderPopovers();
        DialogHost = Render<MudDialogProvider>();
        return Render(parameters);
    }

    /// <summary>A user who applied (with <paramref name="reason"/>), not signed in.</summary>
    protected async Task<(Caller User, AccountView Account)> ApplicantAsync(string email, string? reason = null)
    {
        var user = await CreateUserAsync(email);
        var account = await Get<AccountApplicationService>().ApplyAsync(user, reason, TestContext.Current.CancellationToken);
        return (user, account);
    }

    /// <summary>A user whose account is open, not signed in.</summary>
    protected async Task<(Caller User, AccountView Account)> OpenAccountAsync(string email)
    {
        var (user, applied) = await ApplicantAsync(email);
        var account = await Get<AccountApplicationService>().ApproveAsync(Admin, applied.AccountId!.Value, cancellationToken: TestContext.Current.CancellationToken);
        return (user, account);
    }
}
