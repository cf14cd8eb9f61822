using EdgeKv.Domain.Namespaces;
using EdgeKv.Domain.Usage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdgeKv.Domain.Data.Configurations;

internal sealed class NamespaceUsageMinuteEntityTypeConfiguration : IEntityTypeConfiguration<NamespaceUsageMinute>
{
    public void Configure(EntityTypeBuilder<NamespaceUsageMinute> builder)
    {
        builder.ToTable("NamespaceUsage");

        // One row per namespace per minute; the key's order also serves a namespace's history read by time.
        builder.HasKey(usage => new { usage.NamespaceId, usage.Minute });

        // The platform's history and the pruning of old minutes read by time alone.
        builder.HasIndex(usage => usage.Minute);

        // Cascade: history is not data a person manages; a deleted namespace's minutes go with it.
        builder.HasOne<KvNamespace>().WithMany().HasForeignKey(usage => usage.NamespaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
