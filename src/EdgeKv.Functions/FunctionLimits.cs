using System.Globalization;
using EdgeKv.Domain.Errors;

namespace EdgeKv.Functions;

/// <summary>The limits of the functions runtime, each with its one message.</summary>
public static class FunctionLimits
{
    /// <summary>Wall time of one request, from its arrival to the function's response (EdgeOne's default).</summary>
    public static readonly TimeSpan DefaultWallTime = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The memory of a project's functions, in MiB (<c>EdgeKv:Functions:MemoryMegabytes</c>): the V8 heap, and the
    /// process's resident memory (ArrayBuffers included) over the runtime's own footprint.
    /// </summary>
    public const int DefaultMemoryMegabytes = 128;

    /// <summary>Requests a project answers at once (<c>EdgeKv:Functions:MaxConcurrentRequests</c>).</summary>
    public const int DefaultMaxConcurrentRequests = 64;

    /// <summary>A request body (the value limit of the engine is 25 MiB; a body carries at most one such value and some).</summary>
    public const int MaxBodyBytes = 32 * 1024 * 1024;

    /// <summary>A response body, as large as a request's: the channel carries either in one frame.</summary>
    public const int MaxResponseBodyBytes = MaxBodyBytes;

    /// <summary>The answer (504) when a function exceeds <paramref name="wallTime"/>: its process was stopped.</summary>
    public static string WallTimeExceeded(TimeSpan wallTime) => string.Create(
        CultureInfo.InvariantCulture, $"The function did not answer within the wall-time limit of {wallTime.TotalSeconds:0.###} s; its runtime was stopped.");

    /// <summary>The answer (502) when the project's process used more than <paramref name="megabytes"/> MiB and was stopped.</summary>
    public static string MemoryExceeded(int megabytes) => string.Create(
        CultureInfo.InvariantCulture, $"The function used more than the memory limit of {megabytes} MiB; its runtime was stopped.");

    /// <summary>The answer (503, at once) to a request past <paramref name="limit"/> requests of one project at a time.</summary>
    public static string TooManyConcurrentRequests(int limit) => string.Create(
        CultureInfo.InvariantCulture, $"The function is already answering {limit} requests, its limit; try again shortly.");

    /// <summary>The answer (502) when the project's process ended or failed to start before answering.</summary>
    public const string RuntimeFailed = "The function's runtime stopped before answering.";

    /// <summary>The answer (413) to a request body over <see cref="MaxBodyBytes"/>.</summary>
    public const string BodyTooLarge = "Request body too large for a function (max 33554432 bytes).";

    /// <summary>The answer (502) when a function's response body is over <see cref="MaxResponseBodyBytes"/>.</summary>
    public const string ResponseTooLarge = "The function's response body is too large (max 33554432 bytes).";

    /// <summary>The answer (404) when the project has nothing deployed or no route matches.</summary>
    public const string NotFound = "No function matches this path.";

    /// <summary>The answer (405) when the matched file exports no handler for the method.</summary>
    public const string MethodNotAllowed = "The function has no handler for this method.";

    /// <summary>The largest response body a function's <c>fetch</c> receives (read into memory, then handed over).</summary>
    public const int MaxFetchResponseBytes = 10 * 1024 * 1024;

    /// <summary>The redirects one <c>fetch</c> follows (the Fetch standard's 20); each hop's address is checked.</summary>
    public const int MaxFetchRedirects = 20;

    /// <summary>A function's <c>fetch</c> when the operator has not turned outbound network on (a TypeError in the function).</summary>
    public const string FetchOff = "fetch is not available: outbound network is off on this EdgeKv host (EdgeKv:Functions:OutboundNetwork).";

    /// <summary>A <c>fetch</c> whose host resolves to an address functions may not reach (loopback, private, the host's own…).</summary>
    public static string FetchAddressRefused(string host) =>
        $"fetch to {host} refused: it resolves to a loopback, private, link-local or otherwise internal address.";

    /// <summary>A <c>fetch</c> of a URL that is not http or https.</summary>
    public const string FetchSchemeRefused = "fetch refused: only http and https URLs can be fetched.";

    /// <summary>A <c>fetch</c> whose response body is over <see cref="MaxFetchResponseBytes"/>.</summary>
    public const string FetchResponseTooLarge = "fetch failed: the response body exceeds 10485760 bytes.";

    /// <summary>A deployment's files that did not load within <paramref name="wallTime"/> (top-level code that never ends).</summary>
    public static string LoadTimedOut(TimeSpan wallTime) => string.Create(
        CultureInfo.InvariantCulture, $"the files did not finish loading within {wallTime.TotalSeconds:0.###} s");

    /// <summary>
    /// The refusal (400) of a deployment whose top-level code used more than <paramref name="megabytes"/> MiB while
    /// loading: the memory limit (<see cref="MemoryExceeded"/>), counted from the runtime's own footprint before the
    /// files run. Its sentence is the domain's (<see cref="DomainErrors.FunctionLoadOverMemory"/>), where every refusal
    /// of a deploy is, so the console says it in its language by its code.
    /// </summary>
    public static DomainError LoadMemoryExceeded(int megabytes) => DomainErrors.FunctionLoadOverMemory.With(megabytes);

    /// <summary>A route file (one no other file imports) that exports no handler; {0} is its path.</summary>
    public static string NoHandler(string path) =>
        $"functions/{path} exports no onRequest handler (onRequest, or onRequestGet, onRequestPost, …)";
}
