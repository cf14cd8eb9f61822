using System.Net;
using System.Text.Json;
using EdgeKv.Core;
using EdgeKv.Functions.Tests.Support;
using EdgeKv.Testing.Postgres;

namespace EdgeKv.Functions.Tests.Runtime;

/// <summary>
/// A function's binding calls while the engine's PostgreSQL server is stopped: the call's promise rejects with the
/// storage-unavailable message every other surface answers, the function catches it, and once the server is back the
/// same function works again with the same host.
/// </summary>
public sealed class KvBindingOutageTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private const string Source = """
        export async function onRequest() {
          try {
            await my_kv.put("k", "v");
            return Response.json({ value: await my_kv.get("k"), error: null });
          } catch (e) {
            return Response.json({ value: null, error: e.message });
          }
        }
        """;

    private static CancellationToken Ct => FunctionsServer.Ct;

    [Fact]
    public async Task PutAndGet_EngineServerStopped_PromiseRejectsWithTheUnavailableMessage_ThenTheFunctionWorksAgain()
    {
        // Arrange: a project deployed on a host whose engine is on PostgreSQL, answered once with the server up.
        var server = new PostgresEngineFunctionsServer(await postgres.Server.CreateDatabaseAsync());
        await server.InitializeAsync();
        try
        {
            var (project, _) = await server.DeployedProjectAsync(new Dictionary<string, string> { ["index.js"] = Source }, "my_kv");
            using var client = server.CreateClient();
            var path = $"/functions/{project.Id}/";
            Assert.Equal("v", (await CallAsync(client, path)).GetProperty("value").GetString());

            // Act
            JsonElement during;
            await postgres.Server.StopAsync();
            try
            {
                during = await CallAsync(client, path);
            }
            finally
            {
                await postgres.Server.StartAgainAsync();
            }

            var after = await CallAsync(client, path);

            // Assert
            Assert.Equal(KvErrors.StorageUnavailable, during.GetProperty("error").GetString());
            Assert.Equal("v", after.GetProperty("value").GetString());
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static async Task<JsonElement> CallAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
