using EdgeKv.Core.Keys;
using EdgeKv.Core.Registry;
using EdgeKv.Core.Values;
using EdgeKv.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.E2E.Tests.Infrastructure;

/// <summary>Writes a record straight through the engine, as code outside the console would (the API, a Deno client).</summary>
public static class EngineWriter
{
    public static async Task SetTextAsync(IServiceProvider services, string namespaceName, string key, string value)
    {
        var db = await services.GetRequiredService<IDbContextFactory<EdgeKvDbContext>>().CreateDbContextAsync();
        await using (db)
        {
            var storeId = await db.Namespaces.Where(ns => ns.Name == namespaceName).Select(ns => ns.StoreId).SingleAsync();
            var store = await services.GetRequiredService<IKvStoreRegistry>().OpenAsync(storeId);
            await store.SetAsync(KvKey.Of(key), KvValue.Text(value));
        }
    }
}
