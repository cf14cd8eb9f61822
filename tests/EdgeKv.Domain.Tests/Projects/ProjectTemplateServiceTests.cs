using EdgeKv.Domain.Deployments;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Projects;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.Projects;

public sealed class ProjectTemplateServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateAsync_Counter_NewNamespaceBoundAsMyKvAndTheGuideCounterDeployed()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, _) = await host.CreateOpenUserAsync("ann");

        // Act
        var project = await host.Get<ProjectTemplateService>().CreateAsync(user, "counter", ProjectTemplate.Counter, null, Ct);

        // Assert
        var binding = Assert.Single(await host.Bindings.ListForProjectAsync(user, project.Id, Ct));
        Assert.Equal(("my_kv", "counter-kv"), (binding.VariableName, binding.NamespaceName));
        Assert.Equal(1, project.BindingCount);
        var deployments = host.Get<DeploymentService>();
        var active = await deployments.LoadAsync(project.Id, (await deployments.ActiveIdAsync(project.Id, Ct))!.Value, Ct);
        var file = Assert.Single(active!.Files);
        Assert.Equal("index.js", file.Key);
        Assert.Contains("let count = await my_kv.get('count');", file.Value, StringComparison.Ordinal);
        Assert.Contains("await my_kv.put('count', String(count));", file.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_CounterWhenTheNamespaceNameIsTaken_TakesTheNextFreeName()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, _) = await host.CreateOpenUserAsync("ann");
        await host.Namespaces.CreateAsync(user, "counter-kv", null, Ct);

        // Act
        var project = await host.Get<ProjectTemplateService>().CreateAsync(user, "counter", ProjectTemplate.Counter, null, Ct);

        // Assert
        Assert.Equal("counter-kv-2", Assert.Single(await host.Bindings.ListForProjectAsync(user, project.Id, Ct)).NamespaceName);
    }

    [Fact]
    public async Task CreateAsync_CounterWithoutAKvAccount_RefusedAndNothingLeft()
    {
        // Arrange: projects need no KV account, the counter's namespace does.
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("bob");

        // Act
        await DomainAssert.RefusedAsync(DomainErrors.AccountNotOpen, () => host.Get<ProjectTemplateService>().CreateAsync(user, "counter", ProjectTemplate.Counter, null, Ct));

        // Assert
        Assert.Empty(await host.Projects.ListAsync(user, null, Ct));
    }

    [Fact]
    public async Task CreateAsync_CounterAtTheNamespaceLimit_RefusedAndNothingLeft()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, _) = await host.CreateOpenUserAsync("ann");
        for (var i = 0; i < 10; i++)
        {
            await host.Namespaces.CreateAsync(user, $"ns{i}", null, Ct);
        }

        // Act
        await DomainAssert.RefusedAsync(DomainErrors.NamespaceLimitReached, () => host.Get<ProjectTemplateService>().CreateAsync(user, "counter", ProjectTemplate.Counter, null, Ct));

        // Assert
        Assert.Empty(await host.Projects.ListAsync(user, null, Ct));
        Assert.Equal(10, (await host.Namespaces.ListAsync(user, null, Ct)).Count);
    }

    [Fact]
    public async Task CreateAsync_Blank_ProjectWithNothingInIt()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");

        // Act
        var project = await host.Get<ProjectTemplateService>().CreateAsync(user, "blog", ProjectTemplate.Blank, null, Ct);

        // Assert
        Assert.Equal(0, project.BindingCount);
        Assert.Null(await host.Get<DeploymentService>().ActiveIdAsync(project.Id, Ct));
    }

    [Theory]
    [InlineData("site", "site-kv")]
    [InlineData("a1234567890123456789012345678901234567890123456789012345678901234", "a123456789012345678901234567890123456789012345678901234567890-kv")]
    public void NamespaceName_FromTheProjectName_FitsTheNameRule(string project, string expected)
    {
        Assert.Equal(expected, CounterTemplate.NamespaceName(project[..Math.Min(project.Length, 64)], []));
        Assert.True(DomainValidation.IsValidResourceName(CounterTemplate.NamespaceName(project[..Math.Min(project.Length, 64)], [])));
    }
}
