using EdgeKv.Core.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Api.Access;

/// <summary>
/// Counts the bytes of values a grant's caller is given, for its token's usage (the tokens page's bytes read): each
/// returned entry's value as stored (<see cref="KvAccess.ValueBytes"/>, the measure bytes written use). Absent keys
/// count nothing. Made once per request or stream, so a long watch resolves its resolver once.
/// </summary>
internal sealed class KvReadCounter(IKvAccessResolver resolver, KvAccessGrant grant)
{
    /// <summary>The counter of what <paramref name="grant"/>'s request reads.</summary>
    public static KvReadCounter Of(HttpContext context, KvAccessGrant grant) =>
        new(context.RequestServices.GetRequiredService<IKvAccessResolver>(), grant);

    /// <summary>Counts the value of <paramref name="entry"/>, once it is returned to the caller.</summary>
    public void Count(KvEntry entry) => Add(KvAccess.ValueBytes(entry.Key, entry.Value));

    /// <summary>Counts the values of <paramref name="entries"/> (a list, a range, a batch), once they are returned.</summary>
    public void Count(IEnumerable<KvEntry> entries) => Add(entries.Sum(entry => KvAccess.ValueBytes(entry.Key, entry.Value)));

    private void Add(long bytes)
    {
        if (bytes > 0)
        {
            resolver.CountBytesRead(grant, bytes);
        }
    }
}
