using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.Namespaces;

public class NamespaceCreateTests
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
}
