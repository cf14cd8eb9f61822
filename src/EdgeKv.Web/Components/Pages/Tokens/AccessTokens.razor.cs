using EdgeKv.Domain.Tokens;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EdgeKv.Web.Components.Pages.Tokens;

/// <summary>访问令牌: the person's tokens for programs, 新建访问令牌 (secret shown once), and how programs connect.</summary>
public sealed partial class AccessTokens
{
    // Unlike the console's other dialogs, this one is not closed by Escape or a close button: once the token exists,
    // its secret is shown here only, and the person leaves through 我已保存 (or Cancel before creating).
    private static readonly DialogOptions CreateOptions = new()
    {
        MaxWidth = MaxWidth.Small,
        FullWidth = true,
        CloseOnEscapeKey = false,
        BackdropClick = false,
        CloseButton = false,
    };

    private TokenList? _list;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    private async Task CreateAsync()
    {
        var dialog = await Dialogs.ShowAsync<CreateTokenDialog>(L["Tokens.Create"], CreateOptions);
        if (await dialog.Result is { Canceled: false, Data: AccessTokenView } && _list is not null)
        {
            await _list.ReloadAsync();
        }
    }
}
