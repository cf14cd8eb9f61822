using EdgeKv.Domain.Cluster;
using EdgeKv.Domain.Events;

namespace EdgeKv.Domain.Tests.Cluster;

/// <summary>
/// The two kinds of message on the cluster's channel: a node tells a domain event from a log notice by its shape, so
/// neither is ever taken for the other (a stray notice must not be published as an event, nor an event read as lines).
/// </summary>
public sealed class ClusterMessageTests
{
    [Fact]
    public void TryParse_EachKindOfMessage_OnlyItsOwnKindReadsIt()
    {
        var notice = new ClusterLogNotice(Guid.NewGuid(), [3, 7]).Serialize();
        var domainEvent = new ClusterEventMessage(Guid.NewGuid(), DomainEvent.EventsMissed(DateTime.UtcNow)).Serialize();

        Assert.Null(ClusterEventMessage.TryParse(notice));
        Assert.Null(ClusterLogNotice.TryParse(domainEvent));
        Assert.Equal([3, 7], ClusterLogNotice.TryParse(notice)?.Logs);
        Assert.Null(ClusterLogNotice.TryParse("not json"));
        Assert.Null(ClusterLogNotice.TryParse("""{"writer":"00000000-0000-0000-0000-000000000000","logs":[1]}"""));
    }

    [Fact]
    public void Serialize_TheMostProjectsANoticeNames_UnderPostgresPayloadLimit()
    {
        var notice = new ClusterLogNotice(Guid.NewGuid(), [.. Enumerable.Repeat(int.MinValue, ClusterLogNotice.MaxProjectsPerNotice)]);

        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(notice.Serialize()), 1, 7_999);
    }
}
