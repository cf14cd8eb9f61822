namespace EdgeKv.Domain.FunctionLogs;

/// <summary>How serious a line of a project's log is (console.debug/log/warn/error, and the host's own lines).</summary>
public enum ProjectLogLevel
{
    /// <summary><c>console.debug</c>, <c>console.trace</c>.</summary>
    Debug,

    /// <summary><c>console.log</c>, <c>console.info</c>; runtime starts.</summary>
    Info,

    /// <summary><c>console.warn</c>; a limit a request crossed.</summary>
    Warning,

    /// <summary><c>console.error</c>, uncaught errors, refused deployments, a runtime that died.</summary>
    Error,
}
