namespace EdgeKv.Domain.FunctionLogs;

/// <summary>
/// A line the host writes into a project's log: its <see cref="ProjectLogCodes">code</see> and arguments, which the
/// console localizes, and its English text (<paramref name="Message"/>, what a caller of the function was answered, or
/// what a reader without the console sees).
/// </summary>
/// <param name="Code">One of <see cref="ProjectLogCodes"/>.</param>
/// <param name="Arguments">The values its sentence names, in order, invariant-formatted.</param>
/// <param name="Message">The line in English.</param>
public sealed record HostLogLine(string Code, IReadOnlyList<string> Arguments, string Message);
