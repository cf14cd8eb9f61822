using EdgeKv.Core.Registry;

namespace EdgeKv.Core.Tests.Conformance;

/// <summary>
/// A storage backend as the conformance suite drives it: fresh stores and a registry, each in storage of its own that
/// the backend removes when disposed. One instance per test (xunit makes one test class instance per test).
/// </summary>
public interface IKvTestBackend : IAsyncDisposable
{
    /// <summary>A new, empty store.</summary>
    Task<KvTestStore> CreateStoreAsync(KvTestStoreOptions? options = null);

    /// <summary>
    /// The backend's registry over this test's storage. Opening it again after disposing the previous one sees
    /// everything the previous one made durable (a restart).
    /// </summary>
    Task<IKvStoreRegistry> OpenRegistryAsync();
}
