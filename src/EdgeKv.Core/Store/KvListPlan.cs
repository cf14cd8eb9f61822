using System.Buffers.Text;
using EdgeKv.Core.Keys;

namespace EdgeKv.Core.Store;

/// <summary>
/// A validated list request as byte ranges, with Deno's selector rules and cursor format. The selector's range is
/// [<see cref="Start"/>, <see cref="End"/>): a prefix p alone is [p·00, p·FF) (so the key equal to p is never listed),
/// a start or end narrows it, a plain range is [start, end). A cursor is the base64url (unpadded) of the last
/// returned key's bytes after the selector's common prefix, so it names a key, not a position, and survives restarts.
/// </summary>
internal sealed class KvListPlan
{
    private KvListPlan(byte[] start, byte[] end, byte[] commonPrefix, bool reverse, int batchSize, int? limit)
    {
        Start = start;
        End = end;
        CommonPrefix = commonPrefix;
        Reverse = reverse;
        BatchSize = batchSize;
        Limit = limit;
    }

    public byte[] Start { get; }

    public byte[] End { get; }

    public byte[] CommonPrefix { get; }

    public bool Reverse { get; }

    public int BatchSize { get; }

    public int? Limit { get; }

    /// <summary>Validates <paramref name="selector"/> and <paramref name="options"/> (Deno's messages) into a plan.</summary>
    public static KvListPlan Create(KvListSelector selector, KvListOptions? options)
    {
        ArgumentNullException.ThrowIfNull(selector);
        options ??= new KvListOptions();
        if (options.Limit is < 1)
        {
            throw new KvException(KvErrorCode.InvalidLimit);
        }

        var batchSize = options.BatchSize
            ?? (options.Limit is { } limit ? Math.Min(limit, KvLimits.MaxDefaultListBatchSize) : KvLimits.DefaultListBatchSize);
        if (batchSize is < 1 or > KvLimits.MaxListBatchSize)
        {
            throw new KvException(KvErrorCode.InvalidBatchSize);
        }

        var (start, end, common) = Resolve(selector);
        return new KvListPlan(start, end, common, options.Reverse, batchSize, options.Limit);
    }

    /// <summary>The range still to read after the key <paramref name="cursor"/> names (the whole range without one).</summary>
    public (byte[] Start, byte[] End) RangeAfter(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return (Start, End);
        }

        byte[] key;
        try
        {
            key = [.. CommonPrefix, .. Base64Url.DecodeFromChars(cursor)];
            KvKey.Decode(key);
        }
        catch (Exception e) when (e is FormatException or KvException)
        {
            throw new KvException(KvErrorCode.InvalidCursor);
        }

        if (Compare(key, Start) < 0 || Compare(key, End) >= 0)
        {
            throw new KvException(KvErrorCode.InvalidCursor);
        }

        return RangeAfterKey(key);
    }

    /// <summary>The range still to read after the encoded key <paramref name="lastKey"/> (inside this plan's range).</summary>
    public (byte[] Start, byte[] End) RangeAfterKey(byte[] lastKey) =>
        // Forward: resume just after the key (key·00 is the smallest key greater than it); reverse: end before it.
        Reverse ? (Start, lastKey) : ([.. lastKey, 0x00], End);

    /// <summary>The cursor naming <paramref name="lastKey"/>.</summary>
    public string CursorFor(KvKey lastKey) => CursorFor(lastKey.Encode());

    /// <summary>The cursor naming the encoded key <paramref name="lastKey"/> (inside this plan's range).</summary>
    public string CursorFor(byte[] lastKey) => Base64Url.EncodeToString(lastKey.AsSpan(CommonPrefix.Length));

    private static (byte[] Start, byte[] End, byte[] Common) Resolve(KvListSelector selector)
    {
        switch (selector)
        {
            case { Prefix: { } prefix, Start: null, End: null }:
            {
                var p = KvValidation.ReadKey(prefix);
                return ([.. p, 0x00], [.. p, 0xFF], p);
            }

            case { Prefix: { } prefix, Start: { } start, End: null }:
            {
                var p = KvValidation.ReadKey(prefix);
                var s = KvValidation.ReadKey(start);
                return IsStrictlyUnder(s, p) ? (s, [.. p, 0xFF], p) : throw new KvException(KvErrorCode.StartOutsidePrefix);
            }

            case { Prefix: { } prefix, Start: null, End: { } end }:
            {
                var p = KvValidation.ReadKey(prefix);
                var e = KvValidation.ReadKey(end);
                return IsStrictlyUnder(e, p) ? ([.. p, 0x00], e, p) : throw new KvException(KvErrorCode.EndOutsidePrefix);
            }

            case { Prefix: null, Start: { } start, End: { } end }:
            {
                var s = KvValidation.ReadKey(start);
                var e = KvValidation.ReadKey(end);
                return Compare(s, e) > 0 ? throw new KvException(KvErrorCode.StartAfterEnd) : (s, e, CommonPrefixOf(s, e));
            }

            default:
                throw new KvException(KvErrorCode.InvalidSelector);
        }
    }

    private static bool IsStrictlyUnder(byte[] key, byte[] prefix) => key.Length > prefix.Length && key.AsSpan().StartsWith(prefix);

    private static byte[] CommonPrefixOf(byte[] a, byte[] b) => a[..a.AsSpan().CommonPrefixLength(b)];

    private static int Compare(byte[] a, byte[] b) => a.AsSpan().SequenceCompareTo(b);
}
