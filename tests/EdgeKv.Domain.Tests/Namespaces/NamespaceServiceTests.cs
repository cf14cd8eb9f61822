using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.Namespaces;

public sealed class NamespaceServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateAsync_ValidName_ListedWithAnEngineStore()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, _) = await host.CreateOpenUserAsync("ann");

        // Act
        var created = await host.Namespaces.CreateAsync(user, "orders_2024-eu", null, Ct);

        // Assert
        var listed = Assert.Single(await host.Namespaces.ListAsync(user, null, Ct));
        Assert.Equal("orders_2024-eu", listed.Name);
        Assert.Equal(created.StoreId, listed.StoreId);
        Assert.StartsWith("ns", listed.StoreId, StringComparison.Ordinal);
        Assert.True(host.Registry.Exists(listed.StoreId));
    }

    [Fact]
    public async Task CreateAsync_EleventhNamespace_RefusedWithTheLimitMessage()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, _) = await host.CreateOpenUserAsync("ann");
        for (var i = 1; i <= 10; i++)
        {
            await host.Namespaces.CreateAsync(user, $"ns{i}", null, Ct);
        }

        // Act
        var error = await DomainAssert.RefusedAsync(DomainErrors.NamespaceLimitReached, () => host.Namespaces.CreateAsync(user, "ns11", null, Ct));

        // Assert
        Assert.Equal("Namespace limit reached (10 per account)", error.Message);
        Assert.Equal(10, (await host.Namespaces.ListAsync(user, null, Ct)).Count);
        Assert.Equal(10, host.Registry.ListNamespaces().Count);
    }

    [Fact]
    public async Task CreateAsync_LimitRaisedByAdmin_EleventhAccepted()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, accountId) = await host.CreateOpenUserAsync("ann");
        await host.Accounts.SetQuotaAsync(host.Admin, accountId, 1024 * 1024, 2, Ct);
        await host.Namespaces.CreateAsync(user, "a", null, Ct);
        await host.Namespaces.CreateAsync(user, "b", null, Ct);
        var error = await DomainAssert.RefusedAsync(DomainErrors.NamespaceLimitReached, () => host.Namespaces.CreateAsync(user, "c", null, Ct));
        Assert.Equal("Namespace limit reached (2 per account)", error.Message);

        // Act
        await host.Accounts.SetQuotaAsync(host.Admin, accountId, 1024 * 1024, 3, Ct);
        await host.Namespaces.CreateAsync(user, "c", null, Ct);

        // Assert
        Assert.Equal(3, (await host.Namespaces.ListAsync(user, null, Ct)).Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("has space")]
    [InlineData("dot.name")]
    [InlineData("slash/name")]
    [InlineData("中文")]
    [InlineData("a12345678901234567890123456789012345678901234567890123456789012345")]
    public async Task CreateAsync_InvalidName_RefusedAndNothingCreated(string name)
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, _) = await host.CreateOpenUserAsync("ann");

        // Act
        var error = await DomainAssert.RefusedAsync(DomainErrors.InvalidNamespaceName, () => host.Namespaces.CreateAsync(user, name, null, Ct));

        // Assert
        Assert.Equal("A namespace name is 1 to 64 characters: letters, digits, '-' and '_'.", error.Message);
        Assert.Empty(await host.Namespaces.ListAsync(user, null, Ct));
        Assert.Empty(host.Registry.ListNamespaces());
    }

    [Fact]
    public async Task CreateAsync_SixtyFourCharacters_Accepted()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, _) = await host.CreateOpenUserAsync("ann");
        var name = new string('n', 64);

        // Act
        var created = await host.Namespaces.CreateAsync(user, name, null, Ct);

        // Assert
        Assert.Equal(name, created.Name);
    }

    [Fact]
    public async Task CreateAsync_NameTakenIgnoringCase_Refused()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, _) = await host.CreateOpenUserAsync("ann");
        await host.Namespaces.CreateAsync(user, "Orders", null, Ct);

        // Act
        var error = await DomainAssert.RefusedAsync(DomainErrors.NamespaceNameTaken, () => host.Namespaces.CreateAsync(user, "orders", null, Ct));

        // Assert
        Assert.Equal("A namespace named 'orders' already exists.", error.Message);
        Assert.Single(await host.Namespaces.ListAsync(user, null, Ct));
    }

    [Fact]
    public async Task CreateAsync_SameNameInAnotherAccount_Accepted()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        await host.CreateUserWithNamespaceAsync("ann", "shared-name");
        var (bob, _) = await host.CreateOpenUserAsync("bob");

        // Act
        var created = await host.Namespaces.CreateAsync(bob, "shared-name", null, Ct);

        // Assert
        Assert.Equal("shared-name", created.Name);
    }

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
