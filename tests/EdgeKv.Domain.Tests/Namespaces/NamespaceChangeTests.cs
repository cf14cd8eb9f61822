using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.Namespaces;

public class NamespaceChangeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RenameAsync_FreeName_RenamedWithDataAndBindingsKept()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns, project) = await host.CreateUserWithNamespaceAndProjectAsync("ann");
        await host.Records.PutAsync(user, ns.Id, "k", "v", cancellationToken: Ct);
        await host.Bindings.BindAsync(user, ns.Id, project.Id, "my_kv", Ct);

        // Act
        var renamed = await host.Namespaces.RenameAsync(user, ns.Id, "renamed", Ct);

        // Assert
        Assert.Equal("renamed", renamed.Name);
        Assert.Equal(ns.StoreId, renamed.StoreId);
        Assert.Equal(1, renamed.KeyCount);
        Assert.Equal("renamed", Assert.Single(await host.Bindings.ListForProjectAsync(user, project.Id, Ct)).NamespaceName);
    }

    [Fact]
    public async Task RenameAsync_NameOfAnotherNamespace_RefusedAndUnchanged()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, first) = await host.CreateUserWithNamespaceAsync("ann", "first");
        await host.Namespaces.CreateAsync(user, "second", null, Ct);

        // Act
        await DomainAssert.RefusedAsync(DomainErrors.NamespaceNameTaken, () => host.Namespaces.RenameAsync(user, first.Id, "SECOND", Ct));

        // Assert
        Assert.Equal("first", (await host.Namespaces.GetAsync(user, first.Id, Ct)).Name);
    }

    [Fact]
    public async Task RenameAsync_SameNameOtherCase_Accepted()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann", "orders");

        // Act
        var renamed = await host.Namespaces.RenameAsync(user, ns.Id, "Orders", Ct);

        // Assert
        Assert.Equal("Orders", renamed.Name);
    }

    [Fact]
    public async Task DeleteAsync_WithDataAndBindings_RemovesAllOfThem()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns, project) = await host.CreateUserWithNamespaceAndProjectAsync("ann");
        await host.Records.PutAsync(user, ns.Id, "k", "v", cancellationToken: Ct);
        await host.Bindings.BindAsync(user, ns.Id, project.Id, "my_kv", Ct);

        // Act
        await host.Namespaces.DeleteAsync(user, ns.Id, Ct);

        // Assert
        Assert.Empty(await host.Namespaces.ListAsync(user, null, Ct));
        Assert.False(host.Registry.Exists(ns.StoreId));
        Assert.Empty(await host.Bindings.ListForProjectAsync(user, project.Id, Ct));
        Assert.Equal(0, (await host.Projects.GetAsync(user, project.Id, Ct)).BindingCount);
        await DomainAssert.RefusedAsync(DomainErrors.NamespaceNotFound, () => host.Records.GetAsync(user, ns.Id, "k", Ct));
    }

    [Fact]
    public async Task DeleteAsync_FreesAPlaceUnderTheLimit_NewNamespaceAccepted()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, accountId) = await host.CreateOpenUserAsync("ann");
        await host.Accounts.SetQuotaAsync(host.Admin, accountId, 1024 * 1024, 1, Ct);
        var only = await host.Namespaces.CreateAsync(user, "only", null, Ct);

        // Act
        await host.Namespaces.DeleteAsync(user, only.Id, Ct);
        var replacement = await host.Namespaces.CreateAsync(user, "only", null, Ct);

        // Assert
        Assert.NotEqual(only.StoreId, replacement.StoreId);
        Assert.Equal(0, replacement.KeyCount);
    }

    [Fact]
    public async Task ListAsync_WithRecords_ShowsKeyCountAndBytesFromTheEngine()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");
        await host.Records.PutAsync(user, ns.Id, "a", "12345", cancellationToken: Ct);
        await host.Records.PutAsync(user, ns.Id, "b", "67890", cancellationToken: Ct);

        // Act
        var listed = Assert.Single(await host.Namespaces.ListAsync(user, null, Ct));

        // Assert
        Assert.Equal(2, listed.KeyCount);
        var stats = await host.Registry.GetStatsAsync(ns.StoreId, Ct);
        Assert.Equal(stats.StoredBytes, listed.StoredBytes);
        Assert.True(listed.StoredBytes >= 10);
        Assert.Equal(listed.StoredBytes, (await host.Accounts.GetMyAccountAsync(user, Ct)).UsedBytes);
    }
}
