using Microsoft.AspNetCore.Authorization;

namespace EdgeKv.Api.Access;

/// <summary>
/// The access policies every programmatic endpoint requires, by name: each authenticates with the access-token scheme
/// only and adds one <see cref="KvAccessRequirement"/>.
/// </summary>
public static class KvAccessPolicies
{
    /// <summary>Read the route's namespace (reads, lists, watches, KV Connect's handshake and reads).</summary>
    public const string NamespaceRead = "edgekv:namespace:read";

    /// <summary>Write the route's namespace; a read-only token is refused with 403.</summary>
    public const string NamespaceWrite = "edgekv:namespace:write";

    /// <summary>Commit to the route's namespace in KV Connect, whose protocol answers a read-only token itself.</summary>
    public const string NamespaceCommit = "edgekv:namespace:commit";

    /// <summary>List the account's namespaces (a token over all of them).</summary>
    public const string AccountRead = "edgekv:account:read";

    /// <summary>Create, rename or delete the account's namespaces (a read-write token over all of them).</summary>
    public const string AccountWrite = "edgekv:account:write";

    internal static void Add(AuthorizationBuilder builder)
    {
        Add(builder, NamespaceRead, new KvAccessRequirement(KvAccessTarget.Namespace, KvAccessIntent.Read, RequiresWrite: false));
        Add(builder, NamespaceWrite, new KvAccessRequirement(KvAccessTarget.Namespace, KvAccessIntent.Write, RequiresWrite: true));
        Add(builder, NamespaceCommit, new KvAccessRequirement(KvAccessTarget.Namespace, KvAccessIntent.Write, RequiresWrite: false));
        Add(builder, AccountRead, new KvAccessRequirement(KvAccessTarget.Account, KvAccessIntent.Read, RequiresWrite: false));
        Add(builder, AccountWrite, new KvAccessRequirement(KvAccessTarget.Account, KvAccessIntent.Write, RequiresWrite: true));
    }

    private static void Add(AuthorizationBuilder builder, string name, KvAccessRequirement requirement) =>
        builder.AddPolicy(name, policy => policy
            .AddAuthenticationSchemes(AccessTokenAuthentication.Scheme)
            .RequireAuthenticatedUser()
            .AddRequirements(requirement));
}
