using System.Threading.Channels;

namespace EdgeKv.Domain.FunctionLogs;

/// <summary>One reader of a project's log on this host: the lines handed to it, and how far it has had the others'.</summary>
internal sealed class ProjectLogFollower
{
    /// <summary>
    /// New lines, this host's and the others'. A follower that does not keep up loses its oldest unread lines, never
    /// the host's memory.
    /// </summary>
    public Channel<ProjectLogEntry> Lines { get; } = Channel.CreateBounded<ProjectLogEntry>(new BoundedChannelOptions(ProjectLogBook.MaxEntriesPerProject)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });

    /// <summary>Set once its first read is done, before its feed is read; used by the feed's reader only.</summary>
    public ElsewhereMarks? Marks { get; set; }
}
