using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeKv.Api.Access;

/// <summary>
/// The one authentication of programs (<see cref="AccessTokenAuthentication.Scheme"/>): the bearer token (see
/// <see cref="BearerToken"/>) checked by <see cref="IKvAccessResolver.AuthenticateAsync"/>, for the HTTP API, KV
/// Connect, the SSE watch and the watch hub alike. The accepted <see cref="KvCredential"/> is left in the request's
/// features for the access policies. A challenge answers 401 in the endpoint's protocol.
/// </summary>
internal sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IKvAccessResolver resolver)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!BearerToken.TryRead(Context, out var token))
        {
            return AuthenticateResult.NoResult();
        }

        var credential = await resolver.AuthenticateAsync(token, Context.RequestAborted);
        if (credential is null)
        {
            return AuthenticateResult.Fail(KvAccessErrors.InvalidAccessToken);
        }

        Context.Features.Set(credential);
        List<Claim> claims = [];
        if (credential.AccountId is { } owner)
        {
            claims.Add(new Claim(ClaimTypes.NameIdentifier, owner));
        }

        if (credential.TokenId is { } tokenId)
        {
            claims.Add(new Claim(AccessTokenAuthentication.TokenIdClaim, tokenId));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        KvRefusalResponse.WriteAsync(Context, BearerToken.TryRead(Context, out _) ? KvRefusal.InvalidToken : KvRefusal.MissingToken);
}
