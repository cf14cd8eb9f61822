namespace EdgeKv.Functions.Tests.Support;

/// <summary>Deploys a function that tries <c>attempt</c> and answers "allowed: …" or "refused: Name: message", and calls it.</summary>
internal static class FunctionAttempt
{
    public static async Task<string> RunAsync(FunctionsServer server, string attempt)
    {
        var source = $$"""
            export async function onRequest() {
              try {
                const result = await (async () => { {{attempt}} })();
                return new Response("allowed: " + String(result));
              } catch (e) {
                return new Response(`refused: ${e.name}: ${e.message}`);
              }
            }
            """;
        var (project, _) = await server.DeployedProjectAsync(new Dictionary<string, string> { ["index.js"] = source });
        using var client = server.CreateClient();
        return await client.GetStringAsync($"/functions/{project.Id}/", FunctionsServer.Ct);
    }
}
