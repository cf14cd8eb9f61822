using EdgeKv.Core.Store;

namespace EdgeKv.Core.Tests.Conformance;

/// <summary>A store under test, with what only a test may do to it: restart it and sweep its expired keys now.</summary>
public abstract class KvTestStore : IAsyncDisposable
{
    /// <summary>The store as it is open now (a new instance after each <see cref="ReopenAsync"/>).</summary>
    public abstract IKvStore Store { get; }

    /// <summary>Closes the store and opens the same data again, as a restart would.</summary>
    public abstract Task<IKvStore> ReopenAsync();

    /// <summary>Removes the expired keys now, as the backend's background sweep would; returns how many it removed.</summary>
    public abstract Task<int> SweepExpiredAsync();

    /// <summary>Closes the store and removes its data.</summary>
    public abstract ValueTask DisposeAsync();
}
