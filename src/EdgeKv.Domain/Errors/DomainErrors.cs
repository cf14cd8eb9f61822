namespace EdgeKv.Domain.Errors;

/// <summary>
/// Every error the domain gives people, each defined once: a stable code (the UI's localization key) and the
/// English message. Placeholders ({0}) are filled by <see cref="DomainError.With"/>. Split by area into partial
/// files. Resources of other users are reported as "not found", never as "forbidden", so their existence is not
/// revealed.
/// </summary>
public static partial class DomainErrors
{
    /// <summary>No signed-in user.</summary>
    public static DomainError NotSignedIn { get; } = new("auth.not_signed_in", "Sign in to continue.");

    /// <summary>A user called an admin-only operation.</summary>
    public static DomainError AdminOnly { get; } = new("auth.admin_only", "Only administrators can do this.");

    /// <summary>A user id that names no user.</summary>
    public static DomainError UserNotFound { get; } = new("user.not_found", "User not found.");

    /// <summary>A reason longer than <see cref="DomainValidation.MaxReasonLength"/>.</summary>
    public static DomainError ReasonTooLong { get; } = new("common.reason_too_long", "The reason may be at most {0} characters.");

    /// <summary>A decision that needs a reason got none.</summary>
    public static DomainError ReasonRequired { get; } = new("common.reason_required", "Please give a reason.");
}
