namespace EdgeKv.Domain.FunctionLogs;

/// <summary>
/// The lines the host itself writes into a project's log, by code: the console shows each in its language
/// (<c>Logs.Host.{code}</c>, its arguments in order), the function's own output stays as written. Stored in the admin
/// database with each line, and tests and pages name them: never rename one.
/// </summary>
public static class ProjectLogCodes
{
    /// <summary>Every code below, in declaration order (read from the constants, so a new one is never missed).</summary>
    public static readonly IReadOnlyList<string> All = StringConstants.Of(typeof(ProjectLogCodes));

    /// <summary>The project's process started; {0} the deployment id.</summary>
    public const string RuntimeStarted = "runtime_started";

    /// <summary>The process was replaced because the deployment or the bindings changed; {0} the deployment id.</summary>
    public const string RuntimeReplaced = "runtime_replaced";

    /// <summary>A new process after the last one stopped; {0} the deployment id.</summary>
    public const string RuntimeRestarted = "runtime_restarted";

    /// <summary>The process ended before answering (a crash, <c>Deno.exit</c>).</summary>
    public const string RuntimeFailed = "runtime_failed";

    /// <summary>The function passed the memory limit and its process was stopped; {0} the limit in MiB.</summary>
    public const string MemoryExceeded = "memory_exceeded";

    /// <summary>A request passed the wall-time limit and the process was stopped; {0} the limit in seconds.</summary>
    public const string WallTimeExceeded = "wall_time_exceeded";

    /// <summary>A request was refused: the project already answers its limit; {0} the limit.</summary>
    public const string TooManyConcurrentRequests = "too_many_concurrent_requests";

    /// <summary>A request body over the limit was refused; {0} the limit in bytes.</summary>
    public const string BodyTooLarge = "body_too_large";

    /// <summary>A function's response body over the limit was not sent; {0} the limit in bytes.</summary>
    public const string ResponseTooLarge = "response_too_large";

    /// <summary>A deployment's code did not load and it was refused; {0} the error (the runtime's words).</summary>
    public const string DeploymentRefused = "deployment_refused";

    /// <summary>A deployment's top-level code went over the memory limit while loading and it was refused; {0} the limit in MiB.</summary>
    public const string DeploymentOverMemory = "deployment_over_memory";
}
