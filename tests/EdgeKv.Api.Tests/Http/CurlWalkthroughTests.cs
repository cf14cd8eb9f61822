using EdgeKv.Api.Tests.Support;
using EdgeKv.Testing.Docs;

namespace EdgeKv.Api.Tests.Http;

/// <summary>
/// Runs the curl walkthrough of docs/http-api.md, command by command, with the real curl binary against the real
/// host, and checks each answer against the one the note shows, so the documentation cannot drift from the API.
/// </summary>
public sealed class CurlWalkthroughTests(KvConnectServer server)
{
    [Fact]
    public async Task Walkthrough_EveryCommandOfTheDoc_AnswersAsDocumented()
    {
        Assert.True(File.Exists(CurlWalkthrough.Curl), $"This test runs the real curl binary and {CurlWalkthrough.Curl} is missing: install it (apt-get install -y curl; build/test.sh does).");
        var ns = await server.CreateNamespaceAsync();
        var steps = await CurlWalkthrough.StepsAsync("http-api.md", TestContext.Current.CancellationToken);
        Assert.True(steps.Count >= 5, "The walkthrough block was not found in docs/http-api.md.");

        var environment = new Dictionary<string, string> { ["EDGEKV"] = server.Http1Url, ["NS"] = ns.Id, ["TOKEN"] = ns.WriteToken };

        foreach (var (command, expected) in steps)
        {
            var (exitCode, output, errors) = await CurlWalkthrough.RunAsync(command, environment, TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

            Assert.True(exitCode == 0, $"curl failed ({exitCode}): {errors}\n{command}");
            Assert.Matches(CurlWalkthrough.Pattern(expected), output);
        }
    }
}
