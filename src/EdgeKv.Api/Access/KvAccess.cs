using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Core.Values;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Api.Access;

/// <summary>What the access policies granted, for the endpoints behind them, and the same check for hub calls.</summary>
internal static class KvAccess
{
    /// <summary>The namespace access granted to this request by a namespace policy.</summary>
    public static KvAccessGrant GrantOf(HttpContext context) =>
        context.Features.Get<KvAccessGrant>() ?? throw new InvalidOperationException("The endpoint does not require a namespace access policy.");

    /// <summary>
    /// Counts what a committed <paramref name="write"/> stored for the token's usage: the bytes of its values (see
    /// <see cref="ValueBytes"/>; the namespace's own usage counts keys and metadata too).
    /// </summary>
    public static void CountWritten(HttpContext context, KvAccessGrant grant, KvAtomicWrite write)
    {
        var bytes = write.Mutations.Sum(mutation => ValueBytes(mutation.Key, mutation.Value));
        context.RequestServices.GetRequiredService<IKvAccessResolver>().CountBytesWritten(grant, bytes);
    }

    /// <summary>
    /// The bytes a value counts for its token's usage, written or read alike: its stored data (raw bytes, UTF-8 text,
    /// JSON, V8-serialized), whatever representation a response renders it in. Keys, metadata companions and absent
    /// values count nothing.
    /// </summary>
    public static long ValueBytes(KvKey key, KvValue? value) =>
        value is { } present && !KvMetadataKeys.IsMetadataKey(key) ? present.Data.Length : 0;

    /// <summary>Who this request acts as, granted by an account policy.</summary>
    public static Caller CallerOf(HttpContext context) =>
        context.Features.Get<Caller>() ?? throw new InvalidOperationException("The endpoint does not require an account access policy.");

    /// <summary>
    /// Authorizes one hub call as an endpoint behind <paramref name="policy"/> is authorized: the connection's token is
    /// authenticated again (a token revoked since the connection opened starts nothing) and the same policy decides.
    /// A refusal is a <see cref="HubException"/> with the refusal's message, and so is an unavailable admin database or
    /// engine (<see cref="KvRefusal.Unavailable"/>'s message; a hub method's other exceptions reach the client as a bare
    /// "an error occurred").
    /// </summary>
    public static async Task<KvAccessGrant> AuthorizeHubCallAsync(
        HttpContext? context, IAuthorizationService authorization, string policy, string namespaceId, CancellationToken cancellationToken)
    {
        try
        {
            return await AuthorizeHubCallOnceAsync(context, authorization, policy, namespaceId, cancellationToken);
        }
        catch (Exception e) when (StorageUnavailability.IsUnavailable(e))
        {
            throw new HubException(KvRefusal.Unavailable.Message);
        }
    }

    private static async Task<KvAccessGrant> AuthorizeHubCallOnceAsync(
        HttpContext? context, IAuthorizationService authorization, string policy, string namespaceId, CancellationToken cancellationToken)
    {
        if (context is null)
        {
            throw new HubException(KvRefusal.MissingToken.Message);
        }

        // A handler of its own for each call: the connection's request keeps one handler, which remembers its first
        // outcome, so a lookup that failed while the database was down would fail every later call of the connection.
        var handlers = new AuthenticationHandlerProvider(context.RequestServices.GetRequiredService<IAuthenticationSchemeProvider>());
        var handler = await handlers.GetHandlerAsync(context, AccessTokenAuthentication.Scheme)
            ?? throw new InvalidOperationException("The access token scheme is not registered (AddEdgeKvApi).");
        var authenticated = await handler.AuthenticateAsync();
        if (!authenticated.Succeeded || context.Features.Get<KvCredential>() is not { } credential)
        {
            throw new HubException((BearerToken.TryRead(context, out _) ? KvRefusal.InvalidToken : KvRefusal.MissingToken).Message);
        }

        var request = new KvAccessRequest(credential, namespaceId ?? "", cancellationToken);
        var result = await authorization.AuthorizeAsync(authenticated.Principal, request, policy);
        if (!result.Succeeded || request.Grant is not { } grant)
        {
            var refusal = result.Failure?.FailureReasons.OfType<KvRefusalReason>().FirstOrDefault()?.Refusal ?? KvRefusal.InvalidToken;
            throw new HubException(refusal.Message);
        }

        return grant;
    }
}
