using EdgeKv.Core.Registry;
using EdgeKv.Core.Store;

namespace EdgeKv.Core.Tests.Conformance;

/// <summary>
/// The base of every conformance test class: the tests are written once, against <see cref="IKvStore"/> and
/// <see cref="IKvStoreRegistry"/> only, and each backend runs them by deriving a sealed class that names its
/// <typeparamref name="TBackend"/> (SQLite's: <c>tests/EdgeKv.Core.Tests/Sqlite/SqliteConformanceTests.cs</c>).
/// </summary>
public abstract class KvConformanceTests<TBackend> : IAsyncDisposable
    where TBackend : IKvTestBackend, new()
{
    private readonly TBackend _backend = new();

    /// <summary>A new, empty store of the backend under test.</summary>
    protected Task<KvTestStore> CreateStoreAsync(KvTestStoreOptions? options = null) => _backend.CreateStoreAsync(options);

    /// <summary>The backend's registry over this test's storage (again after a dispose: a restart).</summary>
    protected Task<IKvStoreRegistry> OpenRegistryAsync() => _backend.OpenRegistryAsync();

    /// <summary>Removes the test's storage (a backend's own test class overriding this calls it too).</summary>
    public virtual async ValueTask DisposeAsync()
    {
        await _backend.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
