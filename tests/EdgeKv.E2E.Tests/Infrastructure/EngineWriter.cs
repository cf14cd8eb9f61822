using EdgeKv.Core.Keys;
using EdgeKv.Core.Registry;
using EdgeKv.Core.Store;
using EdgeKv.Core.Values;
using EdgeKv.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.E2E.Tests.Infrastructure;

/// <summary>
/// Writes a record straight through the engine, as code outside the console would (the API, a Deno client), and
/// reads the figures the engine then holds.
/// </summary>
public static class EngineWriter
{
    public static async Task SetTextAsync(IServiceProvider services, string namespaceName, string key, string value)
    {
        var store = await OpenAsync(services, namespaceName);
        await store.SetAsync(KvKey.Of(key), KvValue.Text(value));
    }

    public static async Task<KvStoreStats> StatsAsync(IServiceProvider services, string namespaceName) =>
        await (await OpenAsync(services, namespaceName)).GetStatsAsync();

    private static async Task<IKvStore> OpenAsync(IServiceProvider services, string namespaceName)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<EdgeKvDbContext>>().CreateDbContextAsync();
        var storeId = await db.Namespaces.Where(ns => ns.Name == namespaceName).Select(ns => ns.StoreId).SingleAsync();
        return await services.GetRequiredService<IKvStoreRegistry>().OpenAsync(storeId);
    }
}
