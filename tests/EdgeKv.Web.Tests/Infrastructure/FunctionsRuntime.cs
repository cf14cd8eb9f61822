using EdgeKv.Functions.Hosting;
using EdgeKv.Testing.Repository;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace EdgeKv.Web.Tests.Infrastructure;

/// <summary>
/// Adds the real functions runtime to a component test's services: the Deno 2.9.6 binary of src/EdgeKv.Functions
/// (<c>npm ci --prefix src/EdgeKv.Functions</c>; build/test.sh does it) and its own work folder.
/// </summary>
public static class FunctionsRuntime
{
    public static void Add(IServiceCollection services, string workDirectory)
    {
        var deno = DenoRuntime.Path();

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EdgeKv:Functions:DenoPath"] = deno,
            ["EdgeKv:Functions:WorkDirectory"] = workDirectory,
        }).Build();
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment(RepositoryRoot.Path));
        services.AddEdgeKvFunctions(configuration);
    }

    private sealed class TestHostEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "EdgeKv.Web";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
