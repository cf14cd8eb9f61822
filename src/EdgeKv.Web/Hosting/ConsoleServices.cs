using EdgeKv.Core.Registry;
using EdgeKv.Domain;
using EdgeKv.Web.Services;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EdgeKv.Web.Hosting;

/// <summary>The services the console's pages use on top of the domain; the component tests register the same.</summary>
internal static class ConsoleServices
{
    public static IServiceCollection AddConsoleServices(this IServiceCollection services)
    {
        // The engine: one registry (one SQLite file per namespace) for the process. TryAdd, so a registration made by
        // the domain itself takes precedence.
        services.TryAddSingleton<IKvStoreRegistry>(provider =>
            new KvStoreRegistry(provider.GetRequiredService<IOptions<EdgeKvDomainOptions>>().Value.DataDirectory));
        services.AddScoped<ConsoleCaller>();
        services.AddScoped<ErrorText>();
        return services;
    }
}
