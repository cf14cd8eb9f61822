using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeKv.Functions.Runtime;

/// <summary>
/// <see cref="FunctionsOptions"/> resolved once for the processes the host starts (paths against the content root), so
/// the project processes and the deploy-time loader start Deno the same way.
/// </summary>
internal sealed class RuntimeSettings
{
    public RuntimeSettings(IOptions<FunctionsOptions> options, IHostEnvironment environment)
    {
        var value = options.Value;
        DenoPath = Path.GetFullPath(value.DenoPath, environment.ContentRootPath);
        WorkDirectory = Path.GetFullPath(value.WorkDirectory, environment.ContentRootPath);
        WallTime = value.WallTime;
        MemoryMegabytes = value.MemoryMegabytes;
        MaxConcurrentRequests = value.MaxConcurrentRequests;
    }

    public string DenoPath { get; }

    public string WorkDirectory { get; }

    public TimeSpan WallTime { get; }

    public int MemoryMegabytes { get; }

    public int MaxConcurrentRequests { get; }
}
