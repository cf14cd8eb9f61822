using Microsoft.AspNetCore.Authorization;

namespace EdgeKv.Api.Access;

/// <summary>
/// What an endpoint needs of the caller's token: access to the namespace in its route (or to the account's
/// namespaces), for a use of <paramref name="Intent"/>; <paramref name="RequiresWrite"/> refuses a read-only token
/// before the endpoint runs. <see cref="KvAccessAuthorizationHandler"/> decides it.
/// </summary>
/// <param name="Target">The namespace in the route, or the account.</param>
/// <param name="Intent">What the request is about to do, for counting its use.</param>
/// <param name="RequiresWrite">Whether a read-only token is refused (KV Connect's atomic write answers it in its own protocol instead).</param>
internal sealed record KvAccessRequirement(KvAccessTarget Target, KvAccessIntent Intent, bool RequiresWrite) : IAuthorizationRequirement;

/// <summary>What a <see cref="KvAccessRequirement"/> is about.</summary>
internal enum KvAccessTarget
{
    /// <summary>The namespace named by the route's <c>namespaceId</c> (or a hub call's argument).</summary>
    Namespace,

    /// <summary>The token owner's account: its list of namespaces.</summary>
    Account,
}

/// <summary>A refusal carried out of the authorization handler to the answer.</summary>
internal sealed class KvRefusalReason(IAuthorizationHandler handler, KvRefusal refusal) : AuthorizationFailureReason(handler, refusal.Message)
{
    public KvRefusal Refusal { get; } = refusal;
}
