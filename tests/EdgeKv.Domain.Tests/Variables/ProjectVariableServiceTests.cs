using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Tests.Infrastructure;
using EdgeKv.Domain.Variables;

namespace EdgeKv.Domain.Tests.Variables;

/// <summary>A project's environment variables: the rules, secrets never read back, owner-only, audited by name.</summary>
public sealed class ProjectVariableServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Add_PlainAndSecret_SecretReadsWithoutItsValueButTheRuntimeSeesIt()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");
        var project = await host.Projects.CreateAsync(user, "blog", null, Ct);
        var variables = host.Get<ProjectVariableService>();

        // Act
        var plain = await variables.AddAsync(user, project.Id, "GREETING", "hello", isSecret: false, Ct);
        var secret = await variables.AddAsync(user, project.Id, "API_KEY", "s3cret", isSecret: true, Ct);

        // Assert
        Assert.Equal("hello", plain.Value);
        Assert.Null(secret.Value);
        var listed = await variables.ListAsync(user, project.Id, Ct);
        Assert.Equal(["API_KEY", "GREETING"], listed.Select(v => v.Name));
        Assert.Null(listed[0].Value);
        Assert.True(listed[0].IsSecret);
        var runtime = await variables.ValuesForRuntimeAsync(project.Id, Ct);
        Assert.Equal("s3cret", runtime["API_KEY"]);
        Assert.Equal("hello", runtime["GREETING"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1ST")]
    [InlineData("has-dash")]
    [InlineData("has space")]
    [InlineData("ÄPFEL")]
    public async Task Add_InvalidName_RefusedAndNothingAdded(string name)
    {
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");
        var project = await host.Projects.CreateAsync(user, "blog", null, Ct);
        var variables = host.Get<ProjectVariableService>();

        var error = await DomainAssert.RefusedAsync(DomainErrors.InvalidEnvironmentVariableName, () => variables.AddAsync(user, project.Id, name, "v", false, Ct));

        Assert.Equal("A variable name is 1 to 64 letters, digits and '_', and does not start with a digit.", error.Message);
        Assert.Empty(await variables.ListAsync(user, project.Id, Ct));
    }

    [Fact]
    public async Task Add_NameOf64AndValueOf5KB_Accepted_OneMoreEachRefused()
    {
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");
        var project = await host.Projects.CreateAsync(user, "blog", null, Ct);
        var variables = host.Get<ProjectVariableService>();

        await variables.AddAsync(user, project.Id, "_" + new string('a', 63), new string('x', ProjectVariableRules.MaxValueBytes), false, Ct);

        await DomainAssert.RefusedAsync(DomainErrors.InvalidEnvironmentVariableName, () => variables.AddAsync(user, project.Id, new string('a', 65), "v", false, Ct));
        var tooLong = await DomainAssert.RefusedAsync(
            DomainErrors.EnvironmentVariableValueTooLong, () => variables.AddAsync(user, project.Id, "B", new string('x', ProjectVariableRules.MaxValueBytes + 1), false, Ct));
        Assert.Equal("A variable's value is at most 5 KB (5120 bytes).", tooLong.Message);
        // Bytes, not characters: 1,707 three-byte characters are 5,121 bytes.
        await DomainAssert.RefusedAsync(DomainErrors.EnvironmentVariableValueTooLong, () => variables.AddAsync(user, project.Id, "C", new string('变', 1707), false, Ct));
        Assert.Single(await variables.ListAsync(user, project.Id, Ct));
    }

    [Fact]
    public async Task Add_The65th_RefusedWithTheLimit()
    {
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");
        var project = await host.Projects.CreateAsync(user, "blog", null, Ct);
        var variables = host.Get<ProjectVariableService>();
        for (var i = 0; i < ProjectVariableRules.MaxPerProject; i++)
        {
            await variables.AddAsync(user, project.Id, $"V{i}", "v", false, Ct);
        }

        var error = await DomainAssert.RefusedAsync(DomainErrors.EnvironmentVariableLimitReached, () => variables.AddAsync(user, project.Id, "ONE_MORE", "v", false, Ct));

        Assert.Equal("A project has at most 64 environment variables.", error.Message);
        Assert.Equal(64, (await variables.ListAsync(user, project.Id, Ct)).Count);
    }

    [Fact]
    public async Task Add_TakenName_Refused()
    {
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");
        var project = await host.Projects.CreateAsync(user, "blog", null, Ct);
        var variables = host.Get<ProjectVariableService>();
        await variables.AddAsync(user, project.Id, "NAME", "a", false, Ct);

        var error = await DomainAssert.RefusedAsync(DomainErrors.EnvironmentVariableNameTaken, () => variables.AddAsync(user, project.Id, "NAME", "b", false, Ct));

        Assert.Equal("This project already has an environment variable named 'NAME'.", error.Message);
    }

    [Fact]
    public async Task Update_SecretWithoutNewValue_KeepsIt_MadeVisibleOnlyWithANewValue()
    {
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");
        var project = await host.Projects.CreateAsync(user, "blog", null, Ct);
        var variables = host.Get<ProjectVariableService>();
        var secret = await variables.AddAsync(user, project.Id, "TOKEN", "first", true, Ct);

        await variables.UpdateAsync(user, secret.Id, null, isSecret: true, Ct);
        Assert.Equal("first", (await variables.ValuesForRuntimeAsync(project.Id, Ct))["TOKEN"]);
        await DomainAssert.RefusedAsync(DomainErrors.SecretNeedsNewValue, () => variables.UpdateAsync(user, secret.Id, null, isSecret: false, Ct));
        var visible = await variables.UpdateAsync(user, secret.Id, "second", isSecret: false, Ct);

        Assert.Equal("second", visible.Value);
        Assert.Equal("second", (await variables.ValuesForRuntimeAsync(project.Id, Ct))["TOKEN"]);
    }

    [Fact]
    public async Task AnotherUser_CannotListAddChangeOrDelete_NotFound()
    {
        await using var host = await DomainHost.StartAsync();
        var owner = await host.CreateUserAsync("ann");
        var stranger = await host.CreateUserAsync("bob");
        var project = await host.Projects.CreateAsync(owner, "blog", null, Ct);
        var variables = host.Get<ProjectVariableService>();
        var variable = await variables.AddAsync(owner, project.Id, "API_KEY", "s3cret", true, Ct);

        await DomainAssert.RefusedAsync(DomainErrors.ProjectNotFound, () => variables.ListAsync(stranger, project.Id, Ct));
        await DomainAssert.RefusedAsync(DomainErrors.ProjectNotFound, () => variables.AddAsync(stranger, project.Id, "X", "v", false, Ct));
        await DomainAssert.RefusedAsync(DomainErrors.EnvironmentVariableNotFound, () => variables.UpdateAsync(stranger, variable.Id, "mine", false, Ct));
        await DomainAssert.RefusedAsync(DomainErrors.EnvironmentVariableNotFound, () => variables.DeleteAsync(stranger, variable.Id, Ct));

        Assert.Equal("s3cret", (await variables.ValuesForRuntimeAsync(project.Id, Ct))["API_KEY"]);
        Assert.Single(await variables.ListAsync(host.Admin, project.Id, Ct));
    }

    [Fact]
    public async Task Changes_AreAuditedByNameNeverByValue()
    {
        await using var host = await DomainHost.StartAsync();
        var user = await host.CreateUserAsync("ann");
        var project = await host.Projects.CreateAsync(user, "blog", null, Ct);
        var variables = host.Get<ProjectVariableService>();

        var variable = await variables.AddAsync(user, project.Id, "API_KEY", "s3cret-value", true, Ct);
        await variables.UpdateAsync(user, variable.Id, "other-value", true, Ct);
        await variables.DeleteAsync(user, variable.Id, Ct);

        var entries = (await host.AuditLog.ListAsync(host.Admin, new AuditQuery(), Ct))
            .Where(e => e.Action is AuditActions.VariableSet or AuditActions.VariableDeleted).ToList();
        Assert.Equal([AuditActions.VariableDeleted, AuditActions.VariableSet, AuditActions.VariableSet], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("API_KEY", e.Reason));
        Assert.All(entries, e => Assert.Equal(project.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), e.TargetId));
    }
}
