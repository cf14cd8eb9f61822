using System.Net;
using System.Text.Json;
using EdgeKv.Core;
using EdgeKv.Functions.Tests.Support;
using EdgeKv.Testing.Postgres;

namespace EdgeKv.Functions.Tests.Runtime;

/// <summary>
/// Functions while PostgreSQL is stopped. A binding call's promise rejects with the storage-unavailable message every
/// other surface answers, the function catches it, and once the server is back the same function works again with the
/// same host; a project the host has not looked up yet is answered 503 with that message by the functions listener.
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

    [Fact]
    public async Task ProjectNotLookedUpYet_AdminDatabaseStopped_503WithTheUnavailableMessage_ThenServed()
    {
        // Arrange: admin database and engine on PostgreSQL; a project deployed but never called (not kept by the host).
        var server = new PostgresEngineFunctionsServer(await postgres.Server.CreateDatabaseAsync(), await postgres.Server.CreateDatabaseAsync());
        await server.InitializeAsync();
        try
        {
            var (project, _) = await server.DeployedProjectAsync(new Dictionary<string, string> { ["index.js"] = "export const onRequest = () => new Response(\"up\");" });
            using var client = new HttpClient { BaseAddress = new Uri(server.FunctionsUrl), Timeout = TimeSpan.FromSeconds(60) };
            var path = $"/functions/{project.Id}/";

            // Act
            HttpStatusCode status;
            string body;
            string? retryAfter;
            await postgres.Server.StopAsync();
            try
            {
                using var during = await client.GetAsync(path, Ct);
                (status, body, retryAfter) = (during.StatusCode, await during.Content.ReadAsStringAsync(Ct), during.Headers.RetryAfter?.ToString());
            }
            finally
            {
                await postgres.Server.StartAgainAsync();
            }

            // Assert
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal(KvErrors.StorageUnavailable, body);
            Assert.Equal("1", retryAfter);
            Assert.Equal("up", await client.GetStringAsync(path, Ct));
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
