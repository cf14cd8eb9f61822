using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Errors;

namespace EdgeKv.Domain.Accounts;

/// <summary>The rules every write into an account's resources shares.</summary>
internal static class AccountRules
{
    /// <summary>
    /// Throws unless <paramref name="caller"/> may change resources of <paramref name="account"/>: the account must
    /// be approved. Admins may also change a suspended account, so they can clean it up; a suspended owner may not.
    /// </summary>
    public static void RequireWritable(Caller caller, KvAccount? account)
    {
        switch (account?.Status)
        {
            case KvAccountStatus.Approved:
                return;
            case KvAccountStatus.Suspended when caller.IsAdmin:
                return;
            case KvAccountStatus.Suspended:
                throw DomainErrors.AccountSuspended.ToException();
            default:
                throw DomainErrors.AccountNotOpen.ToException();
        }
    }

    /// <summary>Trims a reason to null when blank; throws when it is too long.</summary>
    public static string? NormalizeReason(string? reason)
    {
        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        return trimmed is { Length: > DomainValidation.MaxReasonLength }
            ? throw DomainErrors.ReasonTooLong.With(DomainValidation.MaxReasonLength).ToException()
            : trimmed;
    }

    /// <summary>Like <see cref="NormalizeReason"/>, but a reason must be given.</summary>
    public static string RequireReason(string? reason) =>
        NormalizeReason(reason) ?? throw DomainErrors.ReasonRequired.ToException();
}
