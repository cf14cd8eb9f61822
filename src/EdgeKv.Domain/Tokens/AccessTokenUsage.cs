using System.Collections.Concurrent;

namespace EdgeKv.Domain.Tokens;

/// <summary>
/// Counts the uses of access tokens in memory, so a program's request writes nothing to the admin database: the
/// counts and each token's last use are written in batches by <see cref="AccessTokenUsageWriter"/>. Lock-free: a use is
/// three interlocked operations on the token's tally. One per process.
/// </summary>
public sealed class AccessTokenUsage
{
    private readonly ConcurrentDictionary<int, Tally> _tallies = new();

    /// <summary>Counts one granted use of token <paramref name="tokenId"/> at <paramref name="now"/>.</summary>
    public void Record(int tokenId, bool write, DateTime now)
    {
        var tally = _tallies.GetOrAdd(tokenId, static _ => new Tally());
        if (write)
        {
            Interlocked.Increment(ref tally.Writes);
        }
        else
        {
            Interlocked.Increment(ref tally.Reads);
        }

        // The latest use wins; concurrent uses within the same tick are the same answer.
        MoveForward(ref tally.LastUsedTicks, now.Ticks);
    }

    /// <summary>Counts <paramref name="bytes"/> of values a granted write of token <paramref name="tokenId"/> stored.</summary>
    public void RecordBytesWritten(int tokenId, long bytes) =>
        Interlocked.Add(ref _tallies.GetOrAdd(tokenId, static _ => new Tally()).BytesWritten, bytes);

    /// <summary>
    /// Counts <paramref name="bytes"/> of values returned to the caller of token <paramref name="tokenId"/>: the stored
    /// bytes of each value a read gave back (the measure of <see cref="RecordBytesWritten"/>, whatever representation
    /// the response used), so writing a value and reading it back once count the same. A missing key, a list of keys
    /// without values and a <c>304 Not Modified</c> return no value and count nothing; a list, a range or a batch read
    /// counts each value it returned; a watch counts each value an event delivers (the first state and every change).
    /// </summary>
    public void RecordBytesRead(int tokenId, long bytes) =>
        Interlocked.Add(ref _tallies.GetOrAdd(tokenId, static _ => new Tally()).BytesRead, bytes);

    /// <summary>
    /// The uses counted since the last call, per token, and resets them. A use recorded while this runs lands in this
    /// batch or the next, never in neither.
    /// </summary>
    public IReadOnlyList<AccessTokenUseBatch> Drain()
    {
        List<AccessTokenUseBatch> batch = [];
        foreach (var (tokenId, tally) in _tallies)
        {
            var lastUsed = Interlocked.Exchange(ref tally.LastUsedTicks, 0);
            var reads = Interlocked.Exchange(ref tally.Reads, 0);
            var writes = Interlocked.Exchange(ref tally.Writes, 0);
            var bytesWritten = Interlocked.Exchange(ref tally.BytesWritten, 0);
            var bytesRead = Interlocked.Exchange(ref tally.BytesRead, 0);
            if (lastUsed != 0 || reads != 0 || writes != 0 || bytesWritten != 0 || bytesRead != 0)
            {
                batch.Add(new AccessTokenUseBatch(tokenId, reads, writes, lastUsed == 0 ? null : new DateTime(lastUsed, DateTimeKind.Utc))
                {
                    BytesWritten = bytesWritten,
                    BytesRead = bytesRead,
                });
            }
        }

        return batch;
    }

    /// <summary>Gives back a drained batch that could not be written, so its uses go out with the next one.</summary>
    public void Return(IEnumerable<AccessTokenUseBatch> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var use in batch)
        {
            var tally = _tallies.GetOrAdd(use.TokenId, static _ => new Tally());
            Interlocked.Add(ref tally.Reads, use.Reads);
            Interlocked.Add(ref tally.Writes, use.Writes);
            Interlocked.Add(ref tally.BytesWritten, use.BytesWritten);
            Interlocked.Add(ref tally.BytesRead, use.BytesRead);
            if (use.LastUsedAt is { } lastUsed)
            {
                MoveForward(ref tally.LastUsedTicks, lastUsed.Ticks);
            }
        }
    }

    private static void MoveForward(ref long lastUsedTicks, long ticks)
    {
        var seen = Volatile.Read(ref lastUsedTicks);
        while (ticks > seen)
        {
            var found = Interlocked.CompareExchange(ref lastUsedTicks, ticks, seen);
            if (found == seen)
            {
                break;
            }

            seen = found;
        }
    }

    private sealed class Tally
    {
        public long Reads;
        public long Writes;
        public long BytesWritten;
        public long BytesRead;
        public long LastUsedTicks;
    }
}

/// <summary>What one token did since the last batch.</summary>
/// <param name="TokenId">The token.</param>
/// <param name="Reads">Granted read uses.</param>
/// <param name="Writes">Granted write uses.</param>
/// <param name="LastUsedAt">Its latest use in the batch (UTC), if the batch saw one.</param>
public sealed record AccessTokenUseBatch(int TokenId, long Reads, long Writes, DateTime? LastUsedAt)
{
    /// <summary>Bytes of values its writes stored.</summary>
    public long BytesWritten { get; init; }

    /// <summary>Bytes of values its reads returned.</summary>
    public long BytesRead { get; init; }
}
