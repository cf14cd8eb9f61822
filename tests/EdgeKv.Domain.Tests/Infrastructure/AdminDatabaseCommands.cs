using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EdgeKv.Domain.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands EF Core sends to one admin database file (by its folder, so parallel tests' databases do
/// not count), through EF Core's diagnostic events: proves which operations read the database and which do not.
/// </summary>
internal sealed class AdminDatabaseCommands : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _folder;
    private readonly IDisposable _listeners;
    private readonly List<IDisposable> _subscriptions = [];
    private int _count;

    public AdminDatabaseCommands(string folder)
    {
        _folder = folder;
        _listeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>Commands sent to the database so far.</summary>
    public int Count => Volatile.Read(ref _count);

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> diagnostic)
    {
        if (diagnostic.Key == RelationalEventId.CommandExecuting.Name
            && diagnostic.Value is CommandEventData { Command.Connection: DbConnection connection }
            && connection.DataSource.StartsWith(_folder, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _count);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _listeners.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(subscription => subscription.Dispose());
        }
    }
}
