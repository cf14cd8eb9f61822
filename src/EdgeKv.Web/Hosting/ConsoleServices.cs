using EdgeKv.Web.Components.Pages.Projects.Functions;
using EdgeKv.Web.Services;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EdgeKv.Web.Hosting;

/// <summary>The services the console's pages use on top of the domain (which brings the engine); the component tests register the same.</summary>
internal static class ConsoleServices
{
    public static IServiceCollection AddConsoleServices(this IServiceCollection services)
    {
        services.AddScoped<ConsoleCaller>();
        services.AddScoped<ErrorText>();

        // The functions editor's drafts live as long as the circuit (a browser tab).
        services.AddScoped<FunctionDrafts>();

        // The host registers its bound listeners first; without a server (component tests) none are known.
        services.TryAddSingleton<ConsoleListeners>();
        return services;
    }
}
