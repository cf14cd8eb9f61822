namespace EdgeKv.Core.Store;

/// <summary>The checks and mutations of one atomic commit, applied all or nothing.</summary>
public sealed record KvAtomicWrite(IReadOnlyList<KvCheck> Checks, IReadOnlyList<KvMutation> Mutations);
