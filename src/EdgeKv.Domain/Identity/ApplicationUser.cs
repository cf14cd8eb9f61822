using Microsoft.AspNetCore.Identity;

namespace EdgeKv.Domain.Identity;

/// <summary>A person who signs in to the console. Identity keeps the credentials; the domain adds a display name.</summary>
public class ApplicationUser : IdentityUser
{
    /// <summary>Most characters of a display name.</summary>
    public const int MaxDisplayNameLength = 100;

    /// <summary>The name shown in the console instead of the e-mail address; null shows the e-mail.</summary>
    public string? DisplayName { get; set; }

    /// <summary>When the user was registered (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
