using System.Net;
using EdgeKv.Functions.Tests.Support;

namespace EdgeKv.Functions.Tests.Runtime;

/// <summary>
/// Function code runs with no permissions: no file system, no host environment, no network (fetch goes to the host,
/// which refuses it while outbound network is off; raw sockets have no permission), no subprocesses, no FFI.
/// </summary>
public sealed class SandboxTests(FunctionsServer server)
{
    private static CancellationToken Ct => FunctionsServer.Ct;

    private Task<string> RunAsync(string attempt) => FunctionAttempt.RunAsync(server, attempt);

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
    public async Task FetchOfTheHostsOwnPort_OutboundOff_IsRefusedAsOff()
    {
        var text = await RunAsync($$"""return (await fetch("http://localhost:{{server.Port}}/healthz")).status;""");

        Assert.Equal("refused: TypeError: " + FunctionLimits.FetchOff, text);
    }

    [Fact]
    public async Task RawSocketToTheHostsOwnPort_IsRefused()
    {
        var text = await RunAsync($$"""return (await Deno.connect({ hostname: "127.0.0.1", port: {{server.Port}} })).remoteAddr.port;""");

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
