namespace EdgeKv.Domain.Identity;

/// <summary>The console's two roles. Admins see and manage everything; users reach only their own resources.</summary>
public static class EdgeKvRoles
{
    /// <summary>Platform operators: review applications, set quotas, see every account.</summary>
    public const string Admin = "Admin";

    /// <summary>Developers: apply for a KV account and manage their own namespaces, records and projects.</summary>
    public const string User = "User";

    /// <summary>Every role, in the order the seeder creates them.</summary>
    public static IReadOnlyList<string> All { get; } = [Admin, User];
}
