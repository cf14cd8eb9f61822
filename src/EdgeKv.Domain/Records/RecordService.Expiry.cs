using EdgeKv.Core;
using EdgeKv.Domain.Authorization;

namespace EdgeKv.Domain.Records;

public sealed partial class RecordService
{
    /// <summary>
    /// Writes like <see cref="PutAsync"/>, and the record expires <paramref name="expireIn"/> from now (null: never), as
    /// Deno's <c>set(key, value, { expireIn })</c>. The console's 新建记录 dialog offers it; a zero or negative span is
    /// refused with <see cref="Errors.DomainErrors.InvalidExpiry"/> (<see cref="RecordExpiry"/>) and nothing is written.
    /// </summary>
    public async Task<Versionstamp> PutExpiringAsync(
        Caller caller,
        int namespaceId,
        string key,
        string value,
        RecordFormat format,
        TimeSpan? expireIn,
        CancellationToken cancellationToken = default)
    {
        RecordKeys.FromString(key);
        RecordExpiry.Check(expireIn);
        ArgumentNullException.ThrowIfNull(value);
        var kvValue = TypedValue(value, format);
        var (store, _, _) = await OpenForWriteAsync(caller, namespaceId, cancellationToken);
        return await WriteAsync(store, key, kvValue, expireIn, cancellationToken);
    }
}
