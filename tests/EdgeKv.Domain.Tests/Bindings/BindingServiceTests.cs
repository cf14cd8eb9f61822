using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.Bindings;

public class BindingServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("my_kv")]
    [InlineData("$kv")]
    [InlineData("_private")]
    [InlineData("KV2")]
    [InlineData("letIt")]
    public async Task BindAsync_ValidIdentifier_BoundAndListedFromBothSides(string variableName)
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns, project) = await host.CreateUserWithNamespaceAndProjectAsync("ann");

        // Act
        var binding = await host.Bindings.BindAsync(user, ns.Id, project.Id, variableName, Ct);

        // Assert
        Assert.Equal(variableName, binding.VariableName);
        var fromNamespace = Assert.Single(await host.Bindings.ListForNamespaceAsync(user, ns.Id, Ct));
        var fromProject = Assert.Single(await host.Bindings.ListForProjectAsync(user, project.Id, Ct));
        Assert.Equal(binding, fromNamespace);
        Assert.Equal(binding, fromProject);
        Assert.Equal(project.Name, fromNamespace.ProjectName);
        Assert.Equal(1, (await host.Namespaces.GetAsync(user, ns.Id, Ct)).BindingCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1kv")]
    [InlineData("my-kv")]
    [InlineData("my kv")]
    [InlineData("kv.name")]
    [InlineData("变量")]
    [InlineData("a1234567890123456789012345678901234567890123456789012345678901234")]
    public async Task BindAsync_NotAnIdentifier_RefusedAndNothingBound(string variableName)
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns, project) = await host.CreateUserWithNamespaceAndProjectAsync("ann");

        // Act
        var error = await DomainAssert.RefusedAsync(DomainErrors.InvalidVariableName, () => host.Bindings.BindAsync(user, ns.Id, project.Id, variableName, Ct));

        // Assert
        Assert.StartsWith("A variable name is a JavaScript identifier", error.Message, StringComparison.Ordinal);
        Assert.Empty(await host.Bindings.ListForProjectAsync(user, project.Id, Ct));
    }

    [Theory]
    [InlineData("class")]
    [InlineData("let")]
    [InlineData("await")]
    [InlineData("undefined")]
    public async Task BindAsync_ReservedWord_RefusedNamingTheWord(string variableName)
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns, project) = await host.CreateUserWithNamespaceAndProjectAsync("ann");

        // Act
        var error = await DomainAssert.RefusedAsync(DomainErrors.ReservedVariableName, () => host.Bindings.BindAsync(user, ns.Id, project.Id, variableName, Ct));

        // Assert
        Assert.Equal($"'{variableName}' is a reserved word in JavaScript and cannot be a variable name.", error.Message);
    }

    [Fact]
    public async Task BindAsync_VariableNameUsedInProject_Refused()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, first, project) = await host.CreateUserWithNamespaceAndProjectAsync("ann");
        var second = await host.Namespaces.CreateAsync(user, "second", null, Ct);
        await host.Bindings.BindAsync(user, first.Id, project.Id, "kv", Ct);

        // Act
        var error = await DomainAssert.RefusedAsync(DomainErrors.VariableNameTaken, () => host.Bindings.BindAsync(user, second.Id, project.Id, "kv", Ct));

        // Assert
        Assert.Equal("This project already has a variable named 'kv'.", error.Message);
        Assert.Single(await host.Bindings.ListForProjectAsync(user, project.Id, Ct));
    }

    [Fact]
    public async Task BindAsync_VariableNamesDifferOnlyInCase_BothBound()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, first, project) = await host.CreateUserWithNamespaceAndProjectAsync("ann");
        var second = await host.Namespaces.CreateAsync(user, "second", null, Ct);
        await host.Bindings.BindAsync(user, first.Id, project.Id, "kv", Ct);

        // Act
        await host.Bindings.BindAsync(user, second.Id, project.Id, "KV", Ct);

        // Assert
        Assert.Equal(["KV", "kv"], (await host.Bindings.ListForProjectAsync(user, project.Id, Ct)).Select(b => b.VariableName));
    }

    [Fact]
    public async Task BindAsync_SameVariableNameInAnotherProject_Accepted()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns, first) = await host.CreateUserWithNamespaceAndProjectAsync("ann");
        var second = await host.Projects.CreateAsync(user, "second", null, Ct);
        await host.Bindings.BindAsync(user, ns.Id, first.Id, "kv", Ct);

        // Act
        await host.Bindings.BindAsync(user, ns.Id, second.Id, "kv", Ct);

        // Assert
        Assert.Equal(2, (await host.Bindings.ListForNamespaceAsync(user, ns.Id, Ct)).Count);
    }

    [Fact]
    public async Task BindAsync_NamespaceAlreadyBoundToProject_Refused()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns, project) = await host.CreateUserWithNamespaceAndProjectAsync("ann");
        await host.Bindings.BindAsync(user, ns.Id, project.Id, "kv", Ct);

        // Act
        await DomainAssert.RefusedAsync(DomainErrors.AlreadyBound, () => host.Bindings.BindAsync(user, ns.Id, project.Id, "other", Ct));

        // Assert
        Assert.Equal("kv", Assert.Single(await host.Bindings.ListForProjectAsync(user, project.Id, Ct)).VariableName);
    }

    [Fact]
    public async Task BindAsync_AdminBindsNamespaceToAnotherUsersProject_RefusedAsOwnerMismatch()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (_, annNamespace) = await host.CreateUserWithNamespaceAsync("ann");
        var bob = await host.CreateUserAsync("bob");
        var bobProject = await host.Projects.CreateAsync(bob, "bob-site", null, Ct);

        // Act
        var error = await DomainAssert.RefusedAsync(
            DomainErrors.BindingOwnerMismatch,
            () => host.Bindings.BindAsync(host.Admin, annNamespace.Id, bobProject.Id, "kv", Ct));

        // Assert
        Assert.Equal("A namespace can only be bound to a project of the same user.", error.Message);
    }

    [Fact]
    public async Task UnbindAsync_Binding_RemovedFromBothSides()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns, project) = await host.CreateUserWithNamespaceAndProjectAsync("ann");
        var binding = await host.Bindings.BindAsync(user, ns.Id, project.Id, "kv", Ct);

        // Act
        await host.Bindings.UnbindAsync(user, binding.Id, Ct);

        // Assert
        Assert.Empty(await host.Bindings.ListForNamespaceAsync(user, ns.Id, Ct));
        Assert.Empty(await host.Bindings.ListForProjectAsync(user, project.Id, Ct));
    }

    [Fact]
    public async Task BindAsync_SuspendedAccount_Refused()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns, project) = await host.CreateUserWithNamespaceAndProjectAsync("ann");
        await host.Accounts.SuspendAsync(host.Admin, ns.AccountId, "check", Ct);

        // Act
        await DomainAssert.RefusedAsync(DomainErrors.AccountSuspended, () => host.Bindings.BindAsync(user, ns.Id, project.Id, "kv", Ct));

        // Assert
        Assert.Empty(await host.Bindings.ListForProjectAsync(user, project.Id, Ct));
    }
}
