using System.Net;
using EdgeKv.Core.Keys;
using EdgeKv.Domain.Bindings;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Domain.Projects;
using EdgeKv.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Functions.Tests.Runtime;

/// <summary>The EdgeOne guide's KV 示例, deployed unchanged, counting on EdgeKv.</summary>
public sealed class CounterExampleTests(FunctionsServer server)
{
    // The guide's 使用 KV → KV 示例 code, verbatim (its line breaks, lost in the seed's one-line copy, restored:
    // on one line its // comments would swallow the rest of the function).
    private const string GuideCounter = """
        export async function onRequest({ request, params, env }) {
            // 获取变量名为 my_kv 的命名空间 key
            let count = await my_kv.get('count');
            count = Number(count) + 1;
            // 重新写入 visitCount 键值
            await my_kv.put('count', String(count));
            return new Response("ok", {});
        }
        """;

    [Fact]
    public async Task GuideCounter_TwentySequentialRequests_NamespaceHoldsTwenty()
    {
        // Arrange
        var (project, namespaces) = await server.DeployedProjectAsync(new Dictionary<string, string> { ["index.js"] = GuideCounter }, "my_kv");
        using var client = server.CreateClient();

        // Act
        for (var i = 0; i < 20; i++)
        {
            using var response = await client.GetAsync($"/functions/{project.Id}/", FunctionsServer.Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("ok", await response.Content.ReadAsStringAsync(FunctionsServer.Ct));
        }

        // Assert: read through the engine, as every other client sees the record.
        var store = await server.StoreAsync(namespaces[0]);
        var count = await store.GetAsync(KvKey.Of("count"), cancellationToken: FunctionsServer.Ct);
        Assert.Equal("20", count.Value!.AsText());
    }

    [Fact]
    public async Task CounterTemplate_IsTheGuidesCodeAndCountsTwentyRequests()
    {
        // Arrange: a project made from the 计数器 template, as 新建项目 makes it.
        var (owner, _) = await server.CreateOwnerAsync("counter");
        var project = await server.InScopeAsync(services =>
            services.GetRequiredService<ProjectTemplateService>().CreateAsync(owner, "counter", ProjectTemplate.Counter, null, FunctionsServer.Ct));
        var binding = Assert.Single(await server.InScopeAsync(services => services.GetRequiredService<BindingService>().ListForProjectAsync(owner, project.Id, FunctionsServer.Ct)));
        var ns = await server.InScopeAsync(services => services.GetRequiredService<NamespaceService>().GetAsync(owner, binding.NamespaceId, FunctionsServer.Ct));
        using var client = server.CreateClient();

        // Act
        for (var i = 0; i < 20; i++)
        {
            using var response = await client.GetAsync($"/functions/{project.Id}/", FunctionsServer.Ct);
            Assert.Equal((HttpStatusCode.OK, "ok"), (response.StatusCode, await response.Content.ReadAsStringAsync(FunctionsServer.Ct)));
        }

        // Assert
        Assert.Equal(GuideCounter.Trim(), CounterTemplate.Function.Trim());
        var count = await (await server.StoreAsync(ns)).GetAsync(KvKey.Of("count"), cancellationToken: FunctionsServer.Ct);
        Assert.Equal("20", count.Value!.AsText());
    }
}
