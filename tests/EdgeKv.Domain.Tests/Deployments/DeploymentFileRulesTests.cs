using EdgeKv.Domain.Deployments;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.Deployments;

/// <summary>
/// The files a deployment may hold: each fault has its own code (the console words each one in its language, never a
/// sentence of the other inside it), and a refused deployment keeps nothing.
/// </summary>
public sealed class DeploymentFileRulesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, Dictionary<string, string>> Faults => new()
    {
        { "project.function_file_count", new Dictionary<string, string>() },
        { "project.function_file_count", Enumerable.Range(0, FunctionFilePaths.MaxFiles + 1).ToDictionary(i => $"f{i}.js", _ => "") },
        { "project.function_file_path", new Dictionary<string, string> { ["../escape.js"] = "" } },
        { "project.function_file_path", new Dictionary<string, string> { ["readme.md"] = "" } },
        { "project.function_files_too_large", new Dictionary<string, string> { ["index.js"] = new string('a', FunctionFilePaths.MaxTotalBytes + 1) } },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task DeployAsync_FilesBreakingARule_RefusedWithItsCode_NothingKept(string code, Dictionary<string, string> files)
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");
        var project = await host.Projects.CreateAsync(user, "site", null, Ct);

        // Act
        var refused = await Assert.ThrowsAsync<DomainException>(() => host.Deployments.DeployAsync(user, project.Id, files, Ct));

        // Assert
        Assert.Equal(code, refused.Error.Code);
        Assert.Null(await host.Deployments.ActiveIdAsync(project.Id, Ct));
    }

    [Fact]
    public void Messages_NameTheLimit()
    {
        Assert.Equal("A deployment holds 1 to 200 files.", DomainErrors.FunctionFileCount.With(FunctionFilePaths.MaxFiles).Message);
        Assert.Equal("The files of a deployment exceed 5242880 bytes together.", DomainErrors.FunctionFilesTooLarge.With(FunctionFilePaths.MaxTotalBytes).Message);
    }
}
