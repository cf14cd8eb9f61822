using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Web.Tests.Infrastructure;

/// <summary>
/// The host as the default run starts it (Production), plus one test-only address, <see cref="ThrowPath"/>, that
/// fails with an unhandled exception behind the console's whole pipeline (so its exception handler answers).
/// </summary>
public sealed class ProductionConsoleApplication : ConsoleApplication
{
    public const string ThrowPath = "/test-only/throw";
    public const string ExceptionMessage = "Test-only failure with a secret detail";

    protected override string EnvironmentName => "Production";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ThrowingAddress>());
    }

    // Appended after the host's pipeline: reached only by requests no endpoint of the console took.
    private sealed class ThrowingAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((context, nextMiddleware) => context.Request.Path == ThrowPath
                ? throw new InvalidOperationException(ExceptionMessage)
                : nextMiddleware(context));
        };
    }
}
