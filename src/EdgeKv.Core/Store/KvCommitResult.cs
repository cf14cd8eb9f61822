namespace EdgeKv.Core.Store;

/// <summary>
/// The outcome of an atomic commit: <see cref="Ok"/> with the commit's versionstamp, or not ok (a check failed:
/// nothing was written and no exception is thrown, as in Deno KV).
/// </summary>
public sealed record KvCommitResult(bool Ok, Versionstamp? Versionstamp)
{
    /// <summary>The result of a commit whose checks failed.</summary>
    public static KvCommitResult CheckFailed { get; } = new(false, null);
}
