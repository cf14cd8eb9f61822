using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Tokens;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Tests.Infrastructure;

internal sealed partial class DomainHost
{
    /// <summary>A token of <paramref name="user"/> over <paramref name="namespaceIds"/>.</summary>
    public Task<CreatedAccessToken> CreateTokenAsync(
        Caller user,
        AccessTokenPermission permission,
        params int[] namespaceIds) =>
        Tokens.CreateAsync(user, new NewAccessToken("test token", namespaceIds, permission), Ct);

    /// <summary>What a program presenting <paramref name="secret"/> gets on the namespace of <paramref name="storeId"/>.</summary>
    public Task<AccessTokenResolution> ResolveAsync(string secret, string storeId, AccessTokenUse use = AccessTokenUse.Read) =>
        Tokens.ResolveAsync(secret, storeId, use, Ct);

    /// <summary>The stored row of a token, read straight from the database.</summary>
    public async Task<AccessToken> TokenRowAsync(int tokenId)
    {
        await using var db = CreateDbContext();
        return await db.AccessTokens.AsNoTracking().SingleAsync(t => t.Id == tokenId, Ct);
    }

    /// <summary>How many tokens exist, in every state.</summary>
    public async Task<int> TokenCountAsync()
    {
        await using var db = CreateDbContext();
        return await db.AccessTokens.CountAsync(Ct);
    }
}
