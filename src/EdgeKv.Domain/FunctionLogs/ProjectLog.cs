namespace EdgeKv.Domain.FunctionLogs;

/// <summary>One project's log on this host (guarded by locking it): the lines not yet written, the followers, and how far
/// the followers have been handed the other hosts' lines.</summary>
internal sealed class ProjectLog
{
    // Null while nobody here follows the project: then the others' lines are not read.
    private ElsewhereMarks? _elsewhere;

    /// <summary>This host's lines the writer has not written yet, oldest first.</summary>
    public Queue<ProjectLogEntry> Unwritten { get; } = new();

    /// <summary>This host's readers of the project's log.</summary>
    public List<ProjectLogFollower> Followers { get; } = [];

    /// <summary>The sequence of this host's last line.</summary>
    public long LastSequence { get; set; }

    /// <summary>
    /// Starts reading the others' lines after <paramref name="stored"/> (a follower's first read); false when already
    /// reading (an earlier follower's marks stay: they are behind or equal, and the followers skip what they had).
    /// </summary>
    public bool StartReadingElsewhere(IReadOnlyList<ProjectLogEntry> stored, Guid self)
    {
        if (_elsewhere is not null || Followers.Count == 0)
        {
            return false;
        }

        _elsewhere = new ElsewhereMarks(stored, self);
        return true;
    }

    /// <summary>Stops reading the others' lines (the last follower left).</summary>
    public void StopReadingElsewhere() => _elsewhere = null;

    /// <summary>The row after which to read <paramref name="writer"/>'s (null: anyone's) new lines; null when not reading.</summary>
    public long? ReadElsewhereAfter(Guid? writer) => _elsewhere?.After(writer);

    /// <summary>Hands the others' <paramref name="lines"/> (oldest first) that are new to every follower.</summary>
    public void HandOn(IReadOnlyList<ProjectLogEntry> lines)
    {
        if (_elsewhere is null)
        {
            return;
        }

        foreach (var line in lines.Where(_elsewhere.TryTake))
        {
            foreach (var follower in Followers)
            {
                follower.Lines.Writer.TryWrite(line);
            }
        }
    }
}
