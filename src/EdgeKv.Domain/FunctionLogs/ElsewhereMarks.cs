namespace EdgeKv.Domain.FunctionLogs;

/// <summary>
/// How far a reader of one project's log has had the lines other hosts wrote: per writer, its last row handed on. A
/// writer's rows come in the order of its ids (each host writes its batches one after the other), so "after row n of
/// writer w" is exact; a writer not seen yet starts after the newest row the reader first read.
/// </summary>
internal sealed class ElsewhereMarks
{
    private readonly Dictionary<Guid, long> _last = [];
    private readonly long _floor;

    /// <summary>Marks after <paramref name="stored"/>, what the reader read first (this host's own lines left out).</summary>
    public ElsewhereMarks(IEnumerable<ProjectLogEntry> stored, Guid self)
    {
        foreach (var entry in stored)
        {
            _floor = Math.Max(_floor, entry.RowId);
            if (entry.Writer != self)
            {
                _last[entry.Writer] = Math.Max(_last.GetValueOrDefault(entry.Writer), entry.RowId);
            }
        }
    }

    /// <summary>The row after which <paramref name="writer"/>'s new lines start; for anyone (null), the lowest of them.</summary>
    public long After(Guid? writer) => writer is { } one ? _last.GetValueOrDefault(one, _floor) : _last.Values.Append(_floor).Min();

    /// <summary>True, and moves on, when <paramref name="entry"/> is new to the reader.</summary>
    public bool TryTake(ProjectLogEntry entry)
    {
        if (entry.RowId <= After(entry.Writer))
        {
            return false;
        }

        _last[entry.Writer] = entry.RowId;
        return true;
    }
}
