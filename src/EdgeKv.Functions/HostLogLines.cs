using System.Globalization;
using EdgeKv.Domain.FunctionLogs;

namespace EdgeKv.Functions;

/// <summary>
/// The lines the functions host writes into a project's log, each a <see cref="ProjectLogCodes">code</see> with its
/// arguments (the console localizes them) and the English text, which for a limit is the limit's one message
/// (<see cref="FunctionLimits"/>).
/// </summary>
public static class HostLogLines
{
    /// <summary>The project's process started for <paramref name="deploymentId"/>.</summary>
    public static HostLogLine RuntimeStarted(int deploymentId) =>
        Line(ProjectLogCodes.RuntimeStarted, $"Runtime started (deployment {deploymentId}).", deploymentId);

    /// <summary>The process was replaced: the deployment or the bindings changed.</summary>
    public static HostLogLine RuntimeReplaced(int deploymentId) =>
        Line(ProjectLogCodes.RuntimeReplaced, $"Runtime restarted: the deployment or the bindings changed (deployment {deploymentId}).", deploymentId);

    /// <summary>A new process after the last one stopped.</summary>
    public static HostLogLine RuntimeRestarted(int deploymentId) =>
        Line(ProjectLogCodes.RuntimeRestarted, $"Runtime restarted after it stopped (deployment {deploymentId}).", deploymentId);

    /// <summary>The process ended before answering.</summary>
    public static HostLogLine RuntimeFailed { get; } = new(ProjectLogCodes.RuntimeFailed, [], FunctionLimits.RuntimeFailed);

    /// <summary>The memory limit of <paramref name="megabytes"/> MiB stopped the process.</summary>
    public static HostLogLine MemoryExceeded(int megabytes) =>
        new(ProjectLogCodes.MemoryExceeded, [Invariant(megabytes)], FunctionLimits.MemoryExceeded(megabytes));

    /// <summary>The wall-time limit stopped the process.</summary>
    public static HostLogLine WallTimeExceeded(TimeSpan wallTime) =>
        new(ProjectLogCodes.WallTimeExceeded, [wallTime.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)], FunctionLimits.WallTimeExceeded(wallTime));

    /// <summary>A request refused at the concurrency <paramref name="limit"/>.</summary>
    public static HostLogLine TooManyConcurrentRequests(int limit) =>
        new(ProjectLogCodes.TooManyConcurrentRequests, [Invariant(limit)], FunctionLimits.TooManyConcurrentRequests(limit));

    /// <summary>A request body over <see cref="FunctionLimits.MaxBodyBytes"/>.</summary>
    public static HostLogLine BodyTooLarge { get; } =
        new(ProjectLogCodes.BodyTooLarge, [Invariant(FunctionLimits.MaxBodyBytes)], FunctionLimits.BodyTooLarge);

    /// <summary>A response body over <see cref="FunctionLimits.MaxResponseBodyBytes"/>.</summary>
    public static HostLogLine ResponseTooLarge { get; } =
        new(ProjectLogCodes.ResponseTooLarge, [Invariant(FunctionLimits.MaxResponseBodyBytes)], FunctionLimits.ResponseTooLarge);

    /// <summary>A deployment refused because its code did not load with <paramref name="error"/>.</summary>
    public static HostLogLine DeploymentRefused(string error) =>
        new(ProjectLogCodes.DeploymentRefused, [error], "Deployment refused: " + error);

    /// <summary>A deployment refused because its top-level code went over <paramref name="megabytes"/> MiB while loading.</summary>
    public static HostLogLine DeploymentOverMemory(int megabytes) =>
        new(ProjectLogCodes.DeploymentOverMemory, [Invariant(megabytes)], FunctionLimits.LoadMemoryExceeded(megabytes).Message);

    private static HostLogLine Line(string code, FormattableString english, int deploymentId) =>
        new(code, [Invariant(deploymentId)], FormattableString.Invariant(english));

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
