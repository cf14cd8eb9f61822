using EdgeKv.Domain.Tests.Infrastructure;
using EdgeKv.Domain.Tokens;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Tests.Tokens;

/// <summary>Deleting a namespace takes it out of every token's scope.</summary>
public sealed class TokenNamespaceDeletionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeleteAsync_OneOfTwoScopedNamespaces_RemovedFromTheScopeOtherStillGranted()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, first) = await host.CreateUserWithNamespaceAsync("ann");
        var second = await host.Namespaces.CreateAsync(ann, "second", null, Ct);
        var created = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadWrite, first.Id, second.Id);

        // Act
        await host.Namespaces.DeleteAsync(ann, first.Id, Ct);

        // Assert
        var token = await host.Tokens.GetAsync(ann, created.Token.Id, Ct);
        Assert.Equal([new AccessTokenScopeItem(second.Id, "second")], token.Namespaces);
        await using var db = host.CreateDbContext();
        Assert.False(await db.AccessTokenNamespaces.AnyAsync(s => s.NamespaceId == first.Id, Ct));
        Assert.Equal(AccessTokenDenial.NamespaceNotFound, (await host.ResolveAsync(created.Secret, first.StoreId)).Denial);
        Assert.True((await host.ResolveAsync(created.Secret, second.StoreId)).CanWrite);
    }

    [Fact]
    public async Task DeleteAsync_LastScopedNamespace_TokenGrantsNothing()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, only) = await host.CreateUserWithNamespaceAsync("ann");
        var created = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadWrite, only.Id);

        // Act
        await host.Namespaces.DeleteAsync(ann, only.Id, Ct);
        var recreated = await host.Namespaces.CreateAsync(ann, only.Name, null, Ct);

        // Assert: a new namespace of the same name is a different namespace, outside the scope.
        var token = await host.Tokens.GetAsync(ann, created.Token.Id, Ct);
        Assert.True(token.GrantsNothing);
        Assert.Equal(AccessTokenStatus.Active, token.Status);
        Assert.Equal(AccessTokenDenial.OutOfScope, (await host.ResolveAsync(created.Secret, recreated.StoreId)).Denial);
    }
}
