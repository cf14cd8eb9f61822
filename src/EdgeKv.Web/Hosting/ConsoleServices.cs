using EdgeKv.Web.Services;

namespace EdgeKv.Web.Hosting;

/// <summary>The services the console's pages use on top of the domain (which brings the engine); the component tests register the same.</summary>
internal static class ConsoleServices
{
    public static IServiceCollection AddConsoleServices(this IServiceCollection services)
    {
        services.AddScoped<ConsoleCaller>();
        services.AddScoped<ErrorText>();
        return services;
    }
}
