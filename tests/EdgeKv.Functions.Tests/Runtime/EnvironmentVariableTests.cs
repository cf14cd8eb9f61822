using EdgeKv.Domain.Variables;
using EdgeKv.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Functions.Tests.Runtime;

/// <summary>A project's environment variables are its functions' <c>env</c>, and a change is seen by the next request.</summary>
public sealed class EnvironmentVariableTests(FunctionsServer server)
{
    private static CancellationToken Ct => FunctionsServer.Ct;

    [Fact]
    public async Task Env_SetChangedAndDeleted_TheNextRequestSeesEachWithoutARestart()
    {
        // Arrange: the process counts its requests in memory, so a restart would show.
        var (owner, token) = await server.CreateOwnerAsync("env");
        var (project, _) = await server.CreateProjectAsync(owner);
        (await server.DeployAsync(token, project.Id, new Dictionary<string, string>
        {
            ["index.js"] = """
                let served = 0;
                export function onRequest({ env }) {
                  return Response.json({ greeting: env.GREETING ?? null, key: env.API_KEY ?? null, names: Object.keys(env).sort(), served: ++served });
                }
                """,
        })).Dispose();
        using var client = server.CreateClient();
        var url = $"/functions/{project.Id}/";
        Assert.Equal("""{"greeting":null,"key":null,"names":[],"served":1}""", await client.GetStringAsync(url, Ct));
        var greeting = await VariablesAsync(v => v.AddAsync(owner, project.Id, "GREETING", "hello", false, Ct));
        await VariablesAsync(v => v.AddAsync(owner, project.Id, "API_KEY", "s3cret", true, Ct));

        // Act + Assert
        Assert.Equal("""{"greeting":"hello","key":"s3cret","names":["API_KEY","GREETING"],"served":2}""", await client.GetStringAsync(url, Ct));
        await VariablesAsync(v => v.UpdateAsync(owner, greeting.Id, "bonjour", false, Ct));
        Assert.Equal("""{"greeting":"bonjour","key":"s3cret","names":["API_KEY","GREETING"],"served":3}""", await client.GetStringAsync(url, Ct));
        await VariablesAsync(async v => { await v.DeleteAsync(owner, greeting.Id, Ct); return greeting; });
        Assert.Equal("""{"greeting":null,"key":"s3cret","names":["API_KEY"],"served":4}""", await client.GetStringAsync(url, Ct));
    }

    [Fact]
    public async Task Env_IsFrozen_AndAnotherProjectsVariablesAreNotSeen()
    {
        var (owner, token) = await server.CreateOwnerAsync("env");
        var (mine, _) = await server.CreateProjectAsync(owner);
        var (theirs, _) = await server.CreateProjectAsync(owner);
        await VariablesAsync(v => v.AddAsync(owner, theirs.Id, "OTHER", "not yours", false, Ct));
        (await server.DeployAsync(token, mine.Id, new Dictionary<string, string>
        {
            ["index.js"] = """
                export function onRequest({ env }) {
                  try { env.OTHER = "set"; } catch (e) { return new Response(`${e.name}; ${JSON.stringify(env)}`); }
                  return new Response("writable");
                }
                """,
        })).Dispose();
        using var client = server.CreateClient();

        var text = await client.GetStringAsync($"/functions/{mine.Id}/", Ct);

        Assert.Equal("TypeError; {}", text);
    }

    private Task<ProjectVariableView> VariablesAsync(Func<ProjectVariableService, Task<ProjectVariableView>> action) =>
        server.InScopeAsync(services => action(services.GetRequiredService<ProjectVariableService>()));
}
