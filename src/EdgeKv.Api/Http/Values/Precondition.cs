using EdgeKv.Core;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using Microsoft.AspNetCore.Http;

namespace EdgeKv.Api.Http.Values;

/// <summary>
/// A conditional write: <c>If-None-Match: *</c> (only if the key is absent), <c>If-Match: "&lt;versionstamp&gt;"</c>
/// (only if the key's versionstamp is that one) or <c>If-Match: *</c> (only if the key exists). It becomes an atomic
/// check of the commit, so nothing can slip in between the test and the write; a failed check answers 409.
/// </summary>
internal sealed record Precondition(bool MustBeAbsent, bool MustExist, Versionstamp? Versionstamp)
{
    /// <summary>The precondition of a write's headers, or null for an unconditional write.</summary>
    public static Precondition? Parse(string? ifMatch, string? ifNoneMatch)
    {
        if (!string.IsNullOrWhiteSpace(ifMatch) && !string.IsNullOrWhiteSpace(ifNoneMatch))
        {
            throw KvHttpRequestException.BadRequest(KvHttpErrors.BothPreconditions);
        }

        if (!string.IsNullOrWhiteSpace(ifNoneMatch))
        {
            return ifNoneMatch.Trim() == "*" ? new Precondition(true, false, null) : throw KvHttpRequestException.BadRequest(KvHttpErrors.InvalidIfNoneMatch);
        }

        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return null;
        }

        var tag = ifMatch.Trim();
        if (tag == "*")
        {
            return new Precondition(false, true, null);
        }

        return Core.Versionstamp.TryParse(tag.Trim('"'), out var versionstamp)
            ? new Precondition(false, false, versionstamp)
            : throw KvHttpRequestException.BadRequest(KvHttpErrors.InvalidIfMatch);
    }

    /// <summary>The commit's checks; for <c>If-Match: *</c> the key's current versionstamp, so it must still be that one.</summary>
    public async Task<KvCheck[]> ToChecksAsync(IKvStore store, KvKey key, CancellationToken cancellationToken)
    {
        if (!MustExist)
        {
            return [new KvCheck(key, MustBeAbsent ? null : Versionstamp)];
        }

        var current = await store.GetAsync(key, cancellationToken: cancellationToken);
        return current.Versionstamp is { } versionstamp ? [new KvCheck(key, versionstamp)] : throw Conflict();
    }

    /// <summary>The 409 of a failed check.</summary>
    public KvHttpRequestException Conflict() =>
        new(StatusCodes.Status409Conflict, KvHttpErrorCodes.Conflict, MustBeAbsent ? KvHttpErrors.KeyExists : KvHttpErrors.VersionMismatch);
}
