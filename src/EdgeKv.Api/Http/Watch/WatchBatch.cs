using System.Runtime.CompilerServices;
using EdgeKv.Api.Access;
using EdgeKv.Core;

namespace EdgeKv.Api.Http.Watch;

/// <summary>
/// One event of a watch as <see cref="WatchFeed"/> produces it: its id (the commit's versionstamp; null for the first
/// event), whether it is the first (current-state) event, its entries (read lazily, so a large first event is
/// streamed), and whether it is sent even when it holds no entry.
/// </summary>
internal sealed record WatchBatch(Versionstamp? Id, bool Initial, IAsyncEnumerable<WatchedEntry> Entries, bool EvenIfEmpty)
{
    /// <summary>The same event, its values counted by <paramref name="reads"/> as the writer takes them to send.</summary>
    public WatchBatch CountedBy(KvReadCounter reads) => this with { Entries = CountAsync(Entries, reads) };

    private static async IAsyncEnumerable<WatchedEntry> CountAsync(
        IAsyncEnumerable<WatchedEntry> entries, KvReadCounter reads, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var watched in entries.WithCancellation(cancellationToken))
        {
            reads.Count(watched.Entry);
            yield return watched;
        }
    }
}
