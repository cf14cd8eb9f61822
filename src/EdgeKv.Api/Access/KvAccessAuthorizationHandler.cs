using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace EdgeKv.Api.Access;

/// <summary>
/// Decides every <see cref="KvAccessRequirement"/> through <see cref="IKvAccessResolver"/>: the token's access to the
/// namespace (or to the account), and whether it may write when the endpoint writes. A refusal is a
/// <see cref="KvRefusalReason"/>, which <see cref="KvAccessResultHandler"/> answers; a grant is left for the endpoint.
/// </summary>
internal sealed class KvAccessAuthorizationHandler(IKvAccessResolver resolver) : AuthorizationHandler<KvAccessRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, KvAccessRequirement requirement)
    {
        var http = context.Resource as HttpContext;
        var request = http is not null ? KvAccessRequest.For(http) : context.Resource as KvAccessRequest;
        if (request?.Credential is not { } credential)
        {
            // Not authenticated by the access-token scheme: the policy's authenticated-user requirement challenges.
            return;
        }

        var refusal = requirement.Target == KvAccessTarget.Namespace
            ? await AuthorizeNamespaceAsync(request, credential, requirement)
            : await AuthorizeAccountAsync(request, credential, requirement);
        if (refusal is not null)
        {
            context.Fail(new KvRefusalReason(this, refusal));
            return;
        }

        if (http is not null)
        {
            http.Features.Set(request.Grant);
            http.Features.Set(request.Caller);
        }

        context.Succeed(requirement);
    }

    private async Task<KvRefusal?> AuthorizeNamespaceAsync(KvAccessRequest request, KvCredential credential, KvAccessRequirement requirement)
    {
        var result = await resolver.ResolveAsync(credential, request.NamespaceId, requirement.Intent, request.CancellationToken);
        if (result.Grant is not { } grant)
        {
            return KvRefusal.Of(result.Denial);
        }

        if (requirement.RequiresWrite && !grant.CanWrite)
        {
            return KvRefusal.ReadOnly;
        }

        request.Grant = grant;
        return null;
    }

    private async Task<KvRefusal?> AuthorizeAccountAsync(KvAccessRequest request, KvCredential credential, KvAccessRequirement requirement)
    {
        var result = await resolver.ResolveAccountAsync(credential, requirement.Intent, request.CancellationToken);
        if (result.Caller is not { } caller)
        {
            return KvRefusal.Of(result.Denial);
        }

        if (requirement.RequiresWrite && !result.CanWrite)
        {
            return KvRefusal.ReadOnlyAccount;
        }

        request.Caller = caller;
        return null;
    }
}
