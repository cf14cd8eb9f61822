using System.Globalization;
using EdgeKv.Core.Diagnostics;
using Npgsql;

namespace EdgeKv.Storage.Postgres;

/// <summary>
/// The node's one <c>LISTEN</c> connection: every commit, on any node, notifies "namespace id:version" on
/// <see cref="PostgresStatements.ChangeChannel"/>, and this hands the version to the feed pumps of that namespace
/// open here, which read the commit's keys from the change log. When the connection breaks (a server restart) it
/// connects again after <see cref="PostgresKvStoreOptions.ReconnectDelay"/> and tells every pump to catch up, since
/// notifications sent meanwhile are lost. Nothing is polled.
/// </summary>
internal sealed class PostgresChangeListener(NpgsqlDataSource dataSource, PostgresKvStoreOptions options) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, List<PostgresFeedPump>> _pumps = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _firstListen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _loop = Task.CompletedTask;

    /// <summary>Starts listening and waits (bounded) until the first LISTEN is in place, so no early commit is missed.</summary>
    public void Start()
    {
        _loop = Task.Run(() => RunAsync(_stop.Token));
        _firstListen.Task.WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
    }

    public void Add(PostgresFeedPump pump)
    {
        lock (_gate)
        {
            if (!_pumps.TryGetValue(pump.NamespaceId, out var list))
            {
                _pumps[pump.NamespaceId] = list = [];
            }

            list.Add(pump);
        }
    }

    public void Remove(PostgresFeedPump pump)
    {
        lock (_gate)
        {
            if (_pumps.TryGetValue(pump.NamespaceId, out var list) && list.Remove(pump) && list.Count == 0)
            {
                _pumps.Remove(pump.NamespaceId);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand("LISTEN " + PostgresStatements.ChangeChannel, connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                _firstListen.TrySetResult();
                CatchUpAll();
                while (true)
                {
                    await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _firstListen.TrySetException(e);
                KvMetrics.BackgroundFailed("listen");
                PostgresLog.ListenerLost(options.Logger, (long)options.ReconnectDelay.TotalMilliseconds, e);

                // The pool's idle connections died with this one's server: retire them, so requests after the
                // server is back open fresh ones rather than each failing once on a dead one.
                dataSource.Clear();
                try
                {
                    await Task.Delay(options.ReconnectDelay, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        var separator = e.Payload.IndexOf(':', StringComparison.Ordinal);
        if (separator < 0
            || !long.TryParse(e.Payload.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var ns)
            || !ulong.TryParse(e.Payload.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return;
        }

        foreach (var pump in PumpsOf(ns))
        {
            pump.Notified(version);
        }
    }

    private void CatchUpAll()
    {
        PostgresFeedPump[] all;
        lock (_gate)
        {
            all = [.. _pumps.Values.SelectMany(list => list)];
        }

        foreach (var pump in all)
        {
            pump.Notified(ulong.MaxValue);
        }
    }

    private PostgresFeedPump[] PumpsOf(long ns)
    {
        lock (_gate)
        {
            return _pumps.TryGetValue(ns, out var list) ? [.. list] : [];
        }
    }
}
