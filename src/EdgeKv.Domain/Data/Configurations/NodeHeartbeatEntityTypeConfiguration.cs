using EdgeKv.Domain.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdgeKv.Domain.Data.Configurations;

internal sealed class NodeHeartbeatEntityTypeConfiguration : IEntityTypeConfiguration<NodeHeartbeat>
{
    public void Configure(EntityTypeBuilder<NodeHeartbeat> builder)
    {
        builder.ToTable("NodeHeartbeats");
        builder.HasKey(node => node.Id);

        // The id is the process's own (new at each start), never the database's.
        builder.Property(node => node.Id).ValueGeneratedNever();
        builder.Property(node => node.Name).HasMaxLength(NodeOptions.MaxNameLength);
        builder.Property(node => node.ConsoleUrl).HasMaxLength(200);

        // Names, not numbers: a row stays readable by a person at the database, and an enum reordered changes nothing.
        builder.Property(node => node.Engine).HasConversion<string>().HasMaxLength(16);
        builder.Property(node => node.ReplicaHealth).HasConversion<string>().HasMaxLength(16);
        builder.Property(node => node.ReplicaError).HasMaxLength(NodeHeartbeat.MaxErrorLength);

        // Removing the long-silent reads by time.
        builder.HasIndex(node => node.LastSeenAt);
    }
}
