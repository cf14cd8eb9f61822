using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.Projects;

public class ProjectServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateAsync_UserWithoutKvAccount_Created()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");

        // Act
        var project = await host.Projects.CreateAsync(user, "blog", null, Ct);

        // Assert
        Assert.Equal("blog", Assert.Single(await host.Projects.ListAsync(user, null, Ct)).Name);
        Assert.Equal(user.UserId, project.OwnerUserId);
    }

    [Fact]
    public async Task CreateAsync_NameTakenIgnoringCase_Refused()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");
        await host.Projects.CreateAsync(user, "Blog", null, Ct);

        // Act
        var error = await DomainAssert.RefusedAsync(DomainErrors.ProjectNameTaken, () => host.Projects.CreateAsync(user, "blog", null, Ct));

        // Assert
        Assert.Equal("A project named 'blog' already exists.", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("my site")]
    [InlineData("a12345678901234567890123456789012345678901234567890123456789012345")]
    public async Task CreateAsync_InvalidName_Refused(string name)
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");

        // Act
        var error = await DomainAssert.RefusedAsync(DomainErrors.InvalidProjectName, () => host.Projects.CreateAsync(user, name, null, Ct));

        // Assert
        Assert.Equal("A project name is 1 to 64 characters: letters, digits, '-' and '_'.", error.Message);
        Assert.Empty(await host.Projects.ListAsync(user, null, Ct));
    }

    [Fact]
    public async Task RenameAsync_FreeName_Renamed()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");
        var project = await host.Projects.CreateAsync(user, "blog", null, Ct);

        // Act
        var renamed = await host.Projects.RenameAsync(user, project.Id, "journal", Ct);

        // Assert
        Assert.Equal("journal", renamed.Name);
        Assert.Equal("journal", (await host.Projects.GetAsync(user, project.Id, Ct)).Name);
    }

    [Fact]
    public async Task DeleteAsync_WithBindings_RemovesBindingsAndKeepsNamespaceData()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns, project) = await host.CreateUserWithNamespaceAndProjectAsync("ann");
        await host.Records.PutAsync(user, ns.Id, "k", "v", cancellationToken: Ct);
        await host.Bindings.BindAsync(user, ns.Id, project.Id, "kv", Ct);

        // Act
        await host.Projects.DeleteAsync(user, project.Id, Ct);

        // Assert
        Assert.Empty(await host.Projects.ListAsync(user, null, Ct));
        Assert.Empty(await host.Bindings.ListForNamespaceAsync(user, ns.Id, Ct));
        Assert.Equal("v", (await host.Records.GetAsync(user, ns.Id, "k", Ct))!.Value.AsText());
    }
}
