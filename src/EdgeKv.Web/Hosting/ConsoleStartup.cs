namespace EdgeKv.Web.Hosting;

/// <summary>
/// Start-up work of the host (data folders, later migrations and seeding). A hosted service rather than code after
/// <c>Build()</c>, because the test factory never runs the statements after <c>Build()</c> in Program.cs.
/// </summary>
internal sealed class ConsoleStartup(IConfiguration configuration) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        DataPaths.EnsureFolders(configuration);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
