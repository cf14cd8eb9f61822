using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace EdgeKv.Core.Tests.Support;

/// <summary>A logger that keeps every entry, for tests that check what the engine tells its operator.</summary>
internal sealed class RecordingLogger : ILogger
{
    private readonly ConcurrentQueue<(EventId EventId, LogLevel Level, string Message, Exception? Exception)> _entries = new();

    public IReadOnlyCollection<(EventId EventId, LogLevel Level, string Message, Exception? Exception)> Entries => _entries;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue((eventId, logLevel, formatter(state, exception), exception));
}
