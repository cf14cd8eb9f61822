using EdgeKv.Domain.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdgeKv.Domain.Data.Configurations;

internal sealed class NodeLagSampleEntityTypeConfiguration : IEntityTypeConfiguration<NodeLagSample>
{
    public void Configure(EntityTypeBuilder<NodeLagSample> builder)
    {
        builder.ToTable("NodeLagSamples");
        builder.HasKey(sample => sample.Id);

        // The chart and the pruning of old samples read by time.
        builder.HasIndex(sample => sample.At);

        // Cascade: a node removed takes its samples with it.
        builder.HasOne<NodeHeartbeat>().WithMany().HasForeignKey(sample => sample.NodeId).OnDelete(DeleteBehavior.Cascade);
    }
}
