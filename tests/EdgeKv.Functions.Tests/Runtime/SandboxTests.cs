using System.Net;
using EdgeKv.Functions.Tests.Support;

namespace EdgeKv.Functions.Tests.Runtime;

/// <summary>Function code runs with no permissions: no file system, no host environment, no network, no subprocesses.</summary>
public sealed class SandboxTests(FunctionsServer server)
{
    private static CancellationToken Ct => FunctionsServer.Ct;

    private async Task<string> RunAsync(string attempt)
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
        return await client.GetStringAsync($"/functions/{project.Id}/", Ct);
    }

    [Fact]
    public async Task ReadFile_IsRefused()
    {
        var text = await RunAsync("""return await Deno.readTextFile("/etc/hostname");""");

        Assert.StartsWith("refused: NotCapable: Requires read access", text);
    }

    [Fact]
    public async Task HostEnvironment_IsRefused()
    {
        var text = await RunAsync("""return Deno.env.get("EDGEKV_HOST_SECRET");""");

        Assert.StartsWith("refused: NotCapable: Requires env access", text);
    }

    [Fact]
    public async Task FetchOfTheHostsOwnPort_IsRefused()
    {
        var text = await RunAsync($$"""return (await fetch("http://localhost:{{server.Port}}/healthz")).status;""");

        Assert.StartsWith("refused: NotCapable: Requires net access", text);
    }

    [Fact]
    public async Task SpawnProcess_IsRefused()
    {
        var text = await RunAsync("""return (await new Deno.Command("/bin/sh", { args: ["-c", "id"] }).output()).code;""");

        Assert.StartsWith("refused: NotCapable: Requires run access", text);
    }

    [Fact]
    public async Task Ffi_IsRefused()
    {
        var text = await RunAsync("""return Deno.dlopen("libc.so.6", {});""");

        Assert.StartsWith("refused: NotCapable: Requires ffi access", text);
    }

    [Fact]
    public async Task StaticImportOfAHostFile_DeploymentRefused()
    {
        // Deno loads statically imported local files without read permission: the host checks the module graph.
        var secret = Path.Combine(Path.GetTempPath(), $"edgekv-secret-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(secret, """{"password":"hunter2"}""", Ct);
        try
        {
            var source = $$"""
                import secret from {{System.Text.Json.JsonSerializer.Serialize(secret)}} with { type: "json" };
                export function onRequest() { return Response.json(secret); }
                """;
            var (owner, token) = await server.CreateOwnerAsync("importer");
            var (project, _) = await server.CreateProjectAsync(owner);

            using var response = await server.DeployAsync(token, project.Id, new Dictionary<string, string> { ["index.js"] = source });
            var text = await response.Content.ReadAsStringAsync(Ct);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
            Assert.Contains("outside their deployment", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }
}
