using EdgeKv.Domain.Accounts;
using Microsoft.Extensions.Localization;

namespace EdgeKv.Web.Services;

/// <summary>The words for an account's status.</summary>
public static class AccountStatusText
{
    /// <summary>The localized name of <paramref name="status"/>.</summary>
    public static string For(IStringLocalizer l, KvAccountStatus status) => status switch
    {
        KvAccountStatus.NotApplied => l["Status.NotApplied"],
        KvAccountStatus.Pending => l["Status.Pending"],
        KvAccountStatus.Approved => l["Status.Approved"],
        KvAccountStatus.Rejected => l["Status.Rejected"],
        KvAccountStatus.Suspended => l["Status.Suspended"],
        _ => status.ToString(),
    };
}
