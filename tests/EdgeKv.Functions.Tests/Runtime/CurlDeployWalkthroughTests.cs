using EdgeKv.Functions.Tests.Support;
using EdgeKv.Testing.Docs;

namespace EdgeKv.Functions.Tests.Runtime;

/// <summary>
/// Runs the deploy-and-call walkthrough of docs/functions.md, command by command, with the real curl binary against
/// the real host (the HTTP API deploys, the functions listener answers by host and by path), and checks each answer
/// against the one the note shows, so the documentation cannot drift from what EdgeKv does.
/// </summary>
public sealed class CurlDeployWalkthroughTests(FunctionsServer server)
{
    [Fact]
    public async Task Walkthrough_EveryCommandOfTheDoc_AnswersAsDocumented()
    {
        // Arrange
        Assert.True(File.Exists(CurlWalkthrough.Curl), $"This test runs the real curl binary and {CurlWalkthrough.Curl} is missing: install it (apt-get install -y curl; build/test.sh does).");
        var (owner, token) = await server.CreateOwnerAsync("curl");
        var (project, _) = await server.CreateProjectAsync(owner);
        var steps = await CurlWalkthrough.StepsAsync("functions.md", FunctionsServer.Ct);
        Assert.True(steps.Count >= 3, "The walkthrough block was not found in docs/functions.md.");
        var functions = new Uri(server.FunctionsUrl);
        var environment = new Dictionary<string, string>
        {
            ["EDGEKV"] = server.Url,
            ["PROJECT"] = project.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["TOKEN"] = token,
            ["SITE"] = $"http://p{project.Id}.localhost:{functions.Port}",
            ["FUNCTIONS"] = server.FunctionsUrl,
        };

        foreach (var (command, expected) in steps)
        {
            // Act
            var (exitCode, output, errors) = await CurlWalkthrough.RunAsync(command, environment, TimeSpan.FromSeconds(60), FunctionsServer.Ct);

            // Assert
            Assert.True(exitCode == 0, $"curl failed ({exitCode}): {errors}\n{command}");
            Assert.Matches(CurlWalkthrough.Pattern(expected), output);
        }
    }
}
