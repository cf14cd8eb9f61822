using EdgeKv.Core.Keys;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Domain.Projects;
using EdgeKv.Domain.Records;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.Authorization;

/// <summary>User B against everything of user A's: every read and write is refused as "not found", nothing changes.</summary>
public sealed class CrossUserAccessTests
{
    private static readonly Dictionary<string, (Func<Scenario, Task> Act, string Code)> Operations = new()
    {
        ["get namespace"] = (s => s.Host.Namespaces.GetAsync(s.Bob, s.AnnNamespace.Id, Ct), "namespace.not_found"),
        ["rename namespace"] = (s => s.Host.Namespaces.RenameAsync(s.Bob, s.AnnNamespace.Id, "taken-over", Ct), "namespace.not_found"),
        ["delete namespace"] = (s => s.Host.Namespaces.DeleteAsync(s.Bob, s.AnnNamespace.Id, Ct), "namespace.not_found"),
        ["create namespace in A's account"] = (s => s.Host.Namespaces.CreateAsync(s.Bob, "intruder", s.Ann.UserId, Ct), "account.not_found"),
        ["list records"] = (s => s.Host.Records.ListAsync(s.Bob, s.AnnNamespace.Id, new RecordQuery(), Ct), "namespace.not_found"),
        ["get record"] = (s => s.Host.Records.GetAsync(s.Bob, s.AnnNamespace.Id, "secret", Ct), "namespace.not_found"),
        ["put record"] = (s => s.Host.Records.PutAsync(s.Bob, s.AnnNamespace.Id, "secret", "overwritten", cancellationToken: Ct), "namespace.not_found"),
        ["delete record"] = (s => s.Host.Records.DeleteAsync(s.Bob, s.AnnNamespace.Id, "secret", Ct), "namespace.not_found"),
        ["bulk delete records"] = (s => s.Host.Records.DeleteManyAsync(s.Bob, s.AnnNamespace.Id, [KvKey.Of("secret")], Ct), "namespace.not_found"),
        ["watch records"] = (s => s.Host.Records.WatchChangesAsync(s.Bob, s.AnnNamespace.Id, Ct), "namespace.not_found"),
        ["get project"] = (s => s.Host.Projects.GetAsync(s.Bob, s.AnnProject.Id, Ct), "project.not_found"),
        ["rename project"] = (s => s.Host.Projects.RenameAsync(s.Bob, s.AnnProject.Id, "mine-now", Ct), "project.not_found"),
        ["delete project"] = (s => s.Host.Projects.DeleteAsync(s.Bob, s.AnnProject.Id, Ct), "project.not_found"),
        ["create project for A"] = (s => s.Host.Projects.CreateAsync(s.Bob, "fake", s.Ann.UserId, Ct), "user.not_found"),
        ["bind A's namespace to B's project"] = (s => s.Host.Bindings.BindAsync(s.Bob, s.AnnNamespace.Id, s.BobProject.Id, "stolen", Ct), "namespace.not_found"),
        ["bind B's namespace to A's project"] = (s => s.Host.Bindings.BindAsync(s.Bob, s.BobNamespace.Id, s.AnnProject.Id, "planted", Ct), "project.not_found"),
        ["list A's namespace bindings"] = (s => s.Host.Bindings.ListForNamespaceAsync(s.Bob, s.AnnNamespace.Id, Ct), "namespace.not_found"),
        ["list A's project bindings"] = (s => s.Host.Bindings.ListForProjectAsync(s.Bob, s.AnnProject.Id, Ct), "project.not_found"),
        ["unbind A's binding"] = (s => s.Host.Bindings.UnbindAsync(s.Bob, s.AnnBindingId, Ct), "binding.not_found"),
        ["get A's account"] = (s => s.Host.Accounts.GetAccountAsync(s.Bob, s.AnnNamespace.AccountId, Ct), "account.not_found"),
    };

    public static TheoryData<string> OperationNames => [.. Operations.Keys];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(OperationNames))]
    public async Task Operation_OnAnotherUsersResource_RefusedAsNotFoundAndNothingChanged(string operation)
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        var (act, code) = Operations[operation];

        // Act
        var error = await Assert.ThrowsAsync<DomainException>(() => act(scenario));

        // Assert
        Assert.Equal(code, error.Code);
        await scenario.AssertAnnUntouchedAsync();
    }

    [Fact]
    public async Task ListAsync_OtherOwnerRequestedByUser_ReturnsOnlyOwnResources()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var s = await Scenario.CreateAsync(host);

        // Act
        var namespaces = await host.Namespaces.ListAsync(s.Bob, s.Ann.UserId, Ct);
        var projects = await host.Projects.ListAsync(s.Bob, s.Ann.UserId, Ct);

        // Assert
        Assert.Equal(s.BobNamespace.Id, Assert.Single(namespaces).Id);
        Assert.Equal(s.BobProject.Id, Assert.Single(projects).Id);
    }

    [Fact]
    public async Task ListAsync_Admin_SeesEveryonesResources()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var s = await Scenario.CreateAsync(host);

        // Act
        var all = await host.Namespaces.ListAsync(host.Admin, null, Ct);
        var anns = await host.Namespaces.ListAsync(host.Admin, s.Ann.UserId, Ct);

        // Assert
        Assert.Equal(2, all.Count);
        Assert.Equal(s.AnnNamespace.Id, Assert.Single(anns).Id);
        Assert.Equal("kept", (await host.Records.GetAsync(host.Admin, s.AnnNamespace.Id, "secret", Ct))!.Value.AsText());
    }

    private sealed record Scenario(
        DomainHost Host,
        Caller Ann,
        NamespaceView AnnNamespace,
        ProjectView AnnProject,
        int AnnBindingId,
        Caller Bob,
        NamespaceView BobNamespace,
        ProjectView BobProject)
    {
        public static async Task<Scenario> CreateAsync(DomainHost host)
        {
            var (ann, annNamespace, annProject) = await host.CreateUserWithNamespaceAndProjectAsync("ann");
            await host.Records.PutAsync(ann, annNamespace.Id, "secret", "kept", cancellationToken: Ct);
            var binding = await host.Bindings.BindAsync(ann, annNamespace.Id, annProject.Id, "ann_kv", Ct);
            var (bob, bobNamespace, bobProject) = await host.CreateUserWithNamespaceAndProjectAsync("bob");
            return new Scenario(host, ann, annNamespace, annProject, binding.Id, bob, bobNamespace, bobProject);
        }

        public async Task AssertAnnUntouchedAsync()
        {
            var ns = await Host.Namespaces.GetAsync(Ann, AnnNamespace.Id, Ct);
            Assert.Equal(AnnNamespace.Name, ns.Name);
            Assert.Equal(1, ns.KeyCount);
            Assert.Equal("kept", (await Host.Records.GetAsync(Ann, AnnNamespace.Id, "secret", Ct))!.Value.AsText());
            Assert.Equal(AnnProject.Name, (await Host.Projects.GetAsync(Ann, AnnProject.Id, Ct)).Name);
            Assert.Equal("ann_kv", Assert.Single(await Host.Bindings.ListForProjectAsync(Ann, AnnProject.Id, Ct)).VariableName);
            Assert.Single(await Host.Namespaces.ListAsync(Ann, null, Ct));
            Assert.Single(await Host.Projects.ListAsync(Ann, null, Ct));
        }
    }
}
