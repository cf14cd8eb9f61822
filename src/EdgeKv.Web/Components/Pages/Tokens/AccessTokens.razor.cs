using EdgeKv.Domain.Tokens;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace EdgeKv.Web.Components.Pages.Tokens;

/// <summary>访问令牌: the person's tokens for programs, 新建访问令牌 (secret shown once), and how programs connect.</summary>
public sealed partial class AccessTokens
{
    private TokenList? _list;

    [Inject]
    private DialogService Dialogs { get; set; } = default!;

    private async Task CreateAsync()
    {
        var options = new DialogOptions { Width = "560px", CloseDialogOnEsc = false, ShowClose = false };
        if (await Dialogs.OpenAsync<CreateTokenDialog>(L["Tokens.Create"], options: options) is AccessTokenView && _list is not null)
        {
            await _list.ReloadAsync();
        }
    }
}
