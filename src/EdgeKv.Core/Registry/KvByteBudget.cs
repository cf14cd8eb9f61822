namespace EdgeKv.Core.Registry;

/// <summary>
/// The byte budget of one group of stores, shared by their writer loops. A commit that grows a store reserves its
/// growth here (under a lock) while its transaction is still open; if the reservation would pass the limit the commit
/// is rolled back instead. So writers on different stores of one group can never together exceed it. Shrinking is
/// credited only after the shrinking commit is durable, so <see cref="UsedBytes"/> never under-counts.
/// </summary>
internal sealed class KvByteBudget
{
    private readonly Lock _gate = new();
    private long _usedBytes;
    private long? _limitBytes;

    public KvByteBudget(string group, long? limitBytes)
    {
        Group = group;
        _limitBytes = limitBytes;
    }

    public string Group { get; }

    public long UsedBytes
    {
        get
        {
            lock (_gate)
            {
                return _usedBytes;
            }
        }
    }

    public long? LimitBytes
    {
        get
        {
            lock (_gate)
            {
                return _limitBytes;
            }
        }

        set
        {
            lock (_gate)
            {
                _limitBytes = value;
            }
        }
    }

    public KvBudgetUsage Usage
    {
        get
        {
            lock (_gate)
            {
                return new KvBudgetUsage(_usedBytes, _limitBytes);
            }
        }
    }

    /// <summary>Reserves <paramref name="bytes"/> of growth, or throws <see cref="KvQuotaExceededException"/> (nothing reserved).</summary>
    public void Reserve(long bytes)
    {
        lock (_gate)
        {
            if (bytes > 0 && _limitBytes is { } limit && _usedBytes + bytes > limit)
            {
                throw new KvQuotaExceededException(limit, _usedBytes, bytes);
            }

            _usedBytes += bytes;
        }
    }

    /// <summary>Gives back bytes: a reservation whose commit failed, a durable shrink, or a deleted store's bytes.</summary>
    public void Release(long bytes)
    {
        lock (_gate)
        {
            _usedBytes -= bytes;
        }
    }

    /// <summary>Counts bytes that already exist (a store joining the group as it is opened).</summary>
    public void Add(long bytes) => Release(-bytes);
}
