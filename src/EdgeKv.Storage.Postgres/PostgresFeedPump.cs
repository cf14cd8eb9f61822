using EdgeKv.Core.Store;
using Npgsql;

namespace EdgeKv.Storage.Postgres;

/// <summary>
/// Puts one namespace's changes into this node's <see cref="ChangeFeed"/> in commit order, whichever node made them.
/// This node's own commits are published by the writer as soon as they are durable; other nodes' arrive as
/// notifications and are read from the change log. Either way a change is published only after every earlier
/// version, read from the log when this node has not seen it, and each version once.
/// </summary>
internal sealed class PostgresFeedPump : IAsyncDisposable
{
    private const int CatchUpPageSize = 1000;

    private readonly NpgsqlDataSource _dataSource;
    private readonly ChangeFeed _feed;
    private readonly PostgresKvStoreOptions _options;
    private readonly string _name;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _follower;
    private ulong _lastPublished;
    private ulong _ownUpTo;

    public PostgresFeedPump(NpgsqlDataSource dataSource, ChangeFeed feed, PostgresKvStoreOptions options, long namespaceId, string name, ulong version)
    {
        _dataSource = dataSource;
        _feed = feed;
        _options = options;
        _name = name;
        NamespaceId = namespaceId;
        _lastPublished = version;
        _follower = Task.Run(() => FollowAsync(_stop.Token));
    }

    public long NamespaceId { get; }

    /// <summary>
    /// This node's writer is committing versions up to <paramref name="version"/> and will publish them itself, so their
    /// notifications (which may arrive before the writer hears its commit succeed) need no read of the change log.
    /// </summary>
    public void Committing(ulong version) => Volatile.Write(ref _ownUpTo, version);

    /// <summary>A commit up to <paramref name="version"/> exists (ulong.MaxValue: maybe, after a reconnect).</summary>
    public void Notified(ulong version)
    {
        if (version > Volatile.Read(ref _lastPublished) && version > Volatile.Read(ref _ownUpTo) && _wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already woken: one catch-up reads everything.
            }
        }
    }

    /// <summary>Publishes this node's durable commits (ascending versions), after any earlier version not yet published.</summary>
    public async Task PublishOwnAsync(IReadOnlyList<KvChange> changes)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (changes[0].Versionstamp.CommitVersion > _lastPublished + 1)
            {
                await TryCatchUpLockedAsync(CancellationToken.None).ConfigureAwait(false);
            }

            foreach (var change in changes)
            {
                Publish(change);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _follower.ConfigureAwait(false);
        _stop.Dispose();
    }

    private void Publish(KvChange change)
    {
        if (change.Versionstamp.CommitVersion > _lastPublished)
        {
            _feed.Publish(change);
            Volatile.Write(ref _lastPublished, change.Versionstamp.CommitVersion);
        }
    }

    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await _wake.WaitAsync(cancellationToken).ConfigureAwait(false);
                await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await TryCatchUpLockedAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    /// <summary>Publishes every logged change after the last published one. A failure is logged: the next notification or reconnect retries.</summary>
    private async Task TryCatchUpLockedAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var (groups, rows) = await ReadGroupsAsync(_lastPublished, cancellationToken).ConfigureAwait(false);
                foreach (var change in groups.SelectMany(ChangeLogCodec.Decode))
                {
                    Publish(change);
                }

                if (rows < CatchUpPageSize)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is NpgsqlException)
        {
            // Any database failure, an outage or not: the next notification or reconnection catches up again.
            PostgresLog.CatchUpFailed(_options.Logger, _name, e);
        }
    }

    /// <summary>The logged commit groups that end after <paramref name="after"/> (one page), and how many rows that was.</summary>
    private async Task<(List<byte[]> Groups, int Rows)> ReadGroupsAsync(ulong after, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(_dataSource, PostgresStatements.ChangesAfter, NamespaceId, (long)after, CatchUpPageSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var groups = new List<byte[]>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            groups.Add(reader.GetFieldValue<byte[]>(0));
        }

        return (groups, groups.Count);
    }
}
