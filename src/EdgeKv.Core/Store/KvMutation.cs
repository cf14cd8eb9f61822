using EdgeKv.Core.Keys;
using EdgeKv.Core.Values;

namespace EdgeKv.Core.Store;

/// <summary>
/// One mutation of an atomic operation. <see cref="Value"/> is null only for <see cref="KvMutationKind.Delete"/>;
/// sum/min/max take a KvU64 operand. <see cref="ExpireIn"/> applies to sets only.
/// </summary>
public sealed record KvMutation(KvMutationKind Kind, KvKey Key, KvValue? Value = null, TimeSpan? ExpireIn = null);
