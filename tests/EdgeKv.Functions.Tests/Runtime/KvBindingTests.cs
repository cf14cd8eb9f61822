using System.Net;
using System.Text.Json;
using EdgeKv.Core;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Core.Values;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Bindings;
using EdgeKv.Domain.Data;
using EdgeKv.Domain.Events;
using EdgeKv.Domain.Projects;
using EdgeKv.Functions.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Functions.Tests.Runtime;

/// <summary>The binding global's put/get/delete/list, with the guide's semantics, through a real function over real HTTP.</summary>
public sealed class KvBindingTests(FunctionsServer server)
{
    private static CancellationToken Ct => FunctionsServer.Ct;

    private async Task<(JsonElement Json, IKvStore Store)> RunAsync(string body, Func<IKvStore, Task>? arrange = null)
    {
        var source = "export async function onRequest({ request, params, env }) {\n" + body + "\n}\n";
        var (project, namespaces) = await server.DeployedProjectAsync(new Dictionary<string, string> { ["index.js"] = source }, "my_kv");
        var store = await server.StoreAsync(namespaces[0]);
        if (arrange is not null)
        {
            await arrange(store);
        }

        using var client = server.CreateClient();
        using var response = await client.GetAsync($"/functions/{project.Id}/", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return (JsonDocument.Parse(text).RootElement.Clone(), store);
    }

    [Fact]
    public async Task PutThenGet_EveryValueKindAndType_ReadsBackAsTheGuideSays()
    {
        var (json, store) = await RunAsync("""
            await my_kv.put("text", "hello");
            await my_kv.put("json", JSON.stringify({ a: [1, 2] }));
            await my_kv.put("buffer", new Uint8Array([1, 2, 255]).buffer);
            await my_kv.put("view", new Uint8Array([9, 8, 7, 6]).subarray(1, 3));
            await my_kv.put("stream", new Blob(["streamed"]).stream());
            const buffer = await my_kv.get("buffer", "arrayBuffer");
            const stream = await my_kv.get("stream", { type: "stream" });
            return Response.json({
              text: await my_kv.get("text"),
              textType: await my_kv.get("text", { type: "text" }),
              json: await my_kv.get("json", "json"),
              jsonObject: await my_kv.get("json", { type: "json" }),
              buffer: [buffer instanceof ArrayBuffer, ...new Uint8Array(buffer)],
              view: [...new Uint8Array(await my_kv.get("view", "arrayBuffer"))],
              stream: [stream instanceof ReadableStream, await new Response(stream).text()],
            });
            """);

        Assert.Equal("hello", json.GetProperty("text").GetString());
        Assert.Equal("hello", json.GetProperty("textType").GetString());
        Assert.Equal(2, json.GetProperty("json").GetProperty("a")[1].GetInt32());
        Assert.Equal(1, json.GetProperty("jsonObject").GetProperty("a")[0].GetInt32());
        Assert.Equal("[true,1,2,255]", json.GetProperty("buffer").GetRawText());
        Assert.Equal("[8,7]", json.GetProperty("view").GetRawText());
        Assert.Equal("[true,\"streamed\"]", json.GetProperty("stream").GetRawText());
        Assert.Equal("hello", (await store.GetAsync(KvKey.Of("text"), cancellationToken: Ct)).Value!.AsText());
    }

    [Fact]
    public async Task Get_MissingOrEmptyValue_IsNull()
    {
        var (json, _) = await RunAsync("""
            await my_kv.put("empty", "");
            return Response.json({ missing: await my_kv.get("missing"), empty: await my_kv.get("empty"), emptyJson: await my_kv.get("empty", "json") });
            """);

        Assert.Equal("""{"missing":null,"empty":null,"emptyJson":null}""", json.GetRawText());
    }

    [Fact]
    public async Task Delete_KeyWithMetadata_RemovesItAndItsMetadata()
    {
        var (json, store) = await RunAsync(
            """
            await my_kv.delete("k");
            await my_kv.delete("never-there");
            return Response.json({ after: await my_kv.get("k") });
            """,
            store => store.CommitAsync(new KvAtomicWrite([], StringKeyModel.Put("k", KvValue.Text("v"), metadataJson: "{}")), Ct));

        Assert.Equal(JsonValueKind.Null, json.GetProperty("after").ValueKind);
        Assert.Equal(0, (await store.GetStatsAsync(Ct)).KeyCount);
    }

    [Fact]
    public async Task List_ThreeHundredKeys_DefaultLimit256ThenCursorPaging()
    {
        var (json, _) = await RunAsync(
            """
            const first = await my_kv.list();
            const second = await my_kv.list({ cursor: first.cursor });
            const pages = [];
            let cursor = null;
            do {
              const page = await my_kv.list({ prefix: "k1", limit: 30, cursor });
              pages.push(page.keys.length);
              cursor = page.cursor;
              if (page.complete !== (cursor === null)) throw new Error("complete and cursor disagree");
            } while (cursor);
            let tooMany = null;
            try { await my_kv.list({ limit: 257 }); } catch (e) { tooMany = e.message; }
            return Response.json({
              first: [first.complete, first.keys.length, first.cursor, first.keys[0]],
              second: [second.complete, second.keys.length, second.cursor, second.keys[0].key],
              pages, tooMany,
            });
            """,
            async store =>
            {
                foreach (var chunk in Enumerable.Range(0, 300).Chunk(100))
                {
                    var write = store.Atomic();
                    foreach (var i in chunk)
                    {
                        write.Set(KvKey.Of($"k{i:D3}"), KvValue.Text("v"));
                    }

                    await write.CommitAsync(Ct);
                }
            });

        Assert.Equal("""[false,256,"k256",{"key":"k000"}]""", json.GetProperty("first").GetRawText());
        Assert.Equal("""[true,44,null,"k256"]""", json.GetProperty("second").GetRawText());
        Assert.Equal("[30,30,30,10]", json.GetProperty("pages").GetRawText());
        Assert.Equal(KvErrors.EdgeOneListLimit, json.GetProperty("tooMany").GetString());
    }

    [Fact]
    public async Task Put_KeyOver512Bytes_RejectsWithTheEngineMessage()
    {
        var (json, _) = await RunAsync("""
            try { await my_kv.put("k".repeat(513), "v"); return Response.json({ error: null }); }
            catch (e) { return Response.json({ error: e.message }); }
            """);

        Assert.Equal(KvErrors.EdgeOneKeyLength, json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task UnboundName_IsAReferenceError()
    {
        var source = """
            export function onRequest() {
              try { my_kv; return new Response("bound?"); }
              catch (e) { return new Response(`${e.name}: ${e.message}`); }
            }
            """;
        var (project, _) = await server.DeployedProjectAsync(new Dictionary<string, string> { ["index.js"] = source }, "other_kv");
        using var client = server.CreateClient();

        var text = await client.GetStringAsync($"/functions/{project.Id}/", Ct);

        Assert.Equal("ReferenceError: my_kv is not defined", text);
    }

    [Fact]
    public async Task BindingRemoved_NextRequestNoLongerSeesIt()
    {
        // Arrange
        var (owner, project, writer) = await BoundWriterAnsweredOnceAsync("unbind");
        using var client = writer;

        // Act: unbound in the console.
        await server.InScopeAsync(async services =>
        {
            var bindings = services.GetRequiredService<BindingService>();
            var binding = (await bindings.ListForProjectAsync(owner, project.Id, Ct)).Single();
            await bindings.UnbindAsync(owner, binding.Id, Ct);
            return true;
        });

        // Assert
        Assert.Equal("ReferenceError: my_kv is not defined", await client.GetStringAsync($"/functions/{project.Id}/", Ct));
    }

    [Fact]
    public async Task BindingRemovedWhoseEventWasMissed_GoneOnceEventsMissedIsPublished()
    {
        // Arrange: its binding removed in the database without an event, as another node's change is when this node's
        // line to the cluster's events was cut.
        var (_, project, writer) = await BoundWriterAnsweredOnceAsync("missed");
        using var client = writer;
        await server.InScopeAsync(services => services.GetRequiredService<EdgeKvDbContext>().Bindings
            .Where(binding => binding.ProjectId == project.Id).ExecuteDeleteAsync(Ct));
        var beforeTheNews = await client.GetStringAsync($"/functions/{project.Id}/", Ct);

        // Act: the listener's news after it reconnects.
        await server.InScopeAsync(services =>
        {
            services.GetRequiredService<IDomainEvents>().Publish(DomainEvent.EventsMissed(DateTime.UtcNow));
            return Task.FromResult(true);
        });

        // Assert: until the news the kept target was used (why the news exists); after it, the binding is gone.
        Assert.Equal("wrote", beforeTheNews);
        Assert.Equal("ReferenceError: my_kv is not defined", await client.GetStringAsync($"/functions/{project.Id}/", Ct));
    }

    [Fact]
    public async Task TwoProjects_SameVariableName_EachWritesOnlyItsOwnNamespace()
    {
        var files = new Dictionary<string, string> { ["index.js"] = "export async function onRequest({ request }) { await my_kv.put(\"who\", new URL(request.url).searchParams.get(\"me\")); return new Response(\"ok\"); }" };
        var (first, firstNamespaces) = await server.DeployedProjectAsync(files, "my_kv");
        var (second, secondNamespaces) = await server.DeployedProjectAsync(files, "my_kv");
        using var client = server.CreateClient();

        await client.GetStringAsync($"/functions/{first.Id}/?me=first", Ct);
        await client.GetStringAsync($"/functions/{second.Id}/?me=second", Ct);

        Assert.Equal("first", (await (await server.StoreAsync(firstNamespaces[0])).GetAsync(KvKey.Of("who"), cancellationToken: Ct)).Value!.AsText());
        Assert.Equal("second", (await (await server.StoreAsync(secondNamespaces[0])).GetAsync(KvKey.Of("who"), cancellationToken: Ct)).Value!.AsText());
    }

    // A project bound as my_kv whose function writes to it (or says why it cannot), deployed and answered once, so
    // the node keeps its target. The caller disposes the client.
    private async Task<(Caller Owner, ProjectView Project, HttpClient Client)> BoundWriterAnsweredOnceAsync(string ownerName)
    {
        const string Source = """
            export async function onRequest() {
              try { await my_kv.put("k", "v"); return new Response("wrote"); }
              catch (e) { return new Response(`${e.name}: ${e.message}`); }
            }
            """;
        var (owner, token) = await server.CreateOwnerAsync(ownerName);
        var (project, _) = await server.CreateProjectAsync(owner, "my_kv");
        (await server.DeployAsync(token, project.Id, new Dictionary<string, string> { ["index.js"] = Source })).Dispose();
        var client = server.CreateClient();
        Assert.Equal("wrote", await client.GetStringAsync($"/functions/{project.Id}/", Ct));
        return (owner, project, client);
    }
}
