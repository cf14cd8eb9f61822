using System.ComponentModel.DataAnnotations;

namespace EdgeKv.Functions;

/// <summary>Settings of the functions runtime (<c>EdgeKv:Functions</c>), validated at start-up.</summary>
public sealed class FunctionsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "EdgeKv:Functions";

    /// <summary>
    /// The Deno 2.9.6 binary (npm <c>@deno/linux-x64-glibc</c>, installed by <c>npm ci --prefix src/EdgeKv.Functions</c>);
    /// relative paths resolve against the content root.
    /// </summary>
    [Required]
    public string DenoPath { get; set; } = "src/EdgeKv.Functions/node_modules/@deno/linux-x64-glibc/deno";

    /// <summary>Where each project's running deployment is written (one folder per project and deployment).</summary>
    [Required]
    public string WorkDirectory { get; set; } = "data/functions";

    /// <summary>The wall-time limit of one request (<see cref="FunctionLimits.DefaultWallTime"/>): past it the project's process is stopped.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan WallTime { get; set; } = FunctionLimits.DefaultWallTime;

    /// <summary>
    /// Whether functions may <c>fetch</c> the internet (off by default). The runtime never gets a network permission:
    /// the host performs each fetch and refuses internal addresses (<see cref="Outbound.OutboundFetch"/>).
    /// </summary>
    public bool OutboundNetwork { get; set; }

    /// <summary>
    /// The memory of one project's functions, in MiB (<see cref="FunctionLimits.DefaultMemoryMegabytes"/>): the V8 heap
    /// and, through <see cref="Runtime.MemoryWatchdog"/>, the process's resident memory over the runtime's own footprint
    /// before the function files load (ArrayBuffers included), from their top-level code on. Past either the process is
    /// stopped and its requests get <see cref="FunctionLimits.MemoryExceeded"/>; at deploy the deployment is refused
    /// with <see cref="FunctionLimits.LoadMemoryExceeded"/>.
    /// </summary>
    [Range(16, 4096)]
    public int MemoryMegabytes { get; set; } = FunctionLimits.DefaultMemoryMegabytes;

    /// <summary>
    /// Requests one project answers at once (<see cref="FunctionLimits.DefaultMaxConcurrentRequests"/>): one more is
    /// refused at once with <see cref="FunctionLimits.TooManyConcurrentRequests"/>, not queued.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxConcurrentRequests { get; set; } = FunctionLimits.DefaultMaxConcurrentRequests;
}
