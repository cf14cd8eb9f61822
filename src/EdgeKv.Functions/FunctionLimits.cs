using System.Globalization;

namespace EdgeKv.Functions;

/// <summary>The limits of the functions runtime, each with its one message.</summary>
public static class FunctionLimits
{
    /// <summary>Wall time of one request, from its arrival to the function's response (EdgeOne's default).</summary>
    public static readonly TimeSpan DefaultWallTime = TimeSpan.FromSeconds(30);

    /// <summary>A request or response body (the value limit of the engine is 25 MiB; a body carries at most one such value and some).</summary>
    public const int MaxBodyBytes = 32 * 1024 * 1024;

    /// <summary>The answer (504) when a function exceeds <paramref name="wallTime"/>: its process was stopped.</summary>
    public static string WallTimeExceeded(TimeSpan wallTime) => string.Create(
        CultureInfo.InvariantCulture, $"The function did not answer within the wall-time limit of {wallTime.TotalSeconds:0.###} s; its runtime was stopped.");

    /// <summary>The answer (502) when the project's process ended or failed to start before answering.</summary>
    public const string RuntimeFailed = "The function's runtime stopped before answering.";

    /// <summary>The answer (413) to a request body over <see cref="MaxBodyBytes"/>.</summary>
    public const string BodyTooLarge = "Request body too large for a function (max 33554432 bytes).";

    /// <summary>The answer (404) when the project has nothing deployed or no route matches.</summary>
    public const string NotFound = "No function matches this path.";

    /// <summary>The answer (405) when the matched file exports no handler for the method.</summary>
    public const string MethodNotAllowed = "The function has no handler for this method.";
}
