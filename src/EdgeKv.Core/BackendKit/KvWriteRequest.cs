namespace EdgeKv.Core.BackendKit;

/// <summary>
/// Work for a store's writer loop: a <see cref="KvCommitRequest"/> or a <see cref="KvSweepRequest"/>. Each backend
/// runs one writer per store, which groups consecutive commits and runs a sweep on its own.
/// </summary>
internal abstract class KvWriteRequest;
