using EdgeKv.Domain.Seeding;

namespace EdgeKv.Web.Hosting;

/// <summary>
/// Start-up work: creates the data folders, migrates the admin database and seeds the roles and the admin
/// (<see cref="DomainSeeder"/>). A hosted service rather than code after <c>Build()</c>, because the test factory never
/// runs the statements after <c>Build()</c> in Program.cs; it finishes before the server accepts requests.
/// </summary>
internal sealed class ConsoleStartup(IConfiguration configuration, IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        DataPaths.EnsureFolders(configuration);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DomainSeeder>().SeedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
