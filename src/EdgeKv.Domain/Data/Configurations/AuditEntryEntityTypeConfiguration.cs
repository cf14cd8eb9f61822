using EdgeKv.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdgeKv.Domain.Data.Configurations;

internal sealed class AuditEntryEntityTypeConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        // No foreign keys: the history outlives the things it names.
        builder.ToTable("AuditEntries");
        builder.Property(entry => entry.ActorUserId).HasMaxLength(450);
        builder.Property(entry => entry.Action).HasMaxLength(64);
        builder.Property(entry => entry.TargetType).HasMaxLength(32);
        builder.Property(entry => entry.TargetId).HasMaxLength(64);
        builder.Property(entry => entry.OwnerUserId).HasMaxLength(450);
        builder.Property(entry => entry.Reason).HasMaxLength(DomainValidation.MaxReasonLength);
        builder.HasIndex(entry => new { entry.TargetType, entry.TargetId });
        builder.HasIndex(entry => entry.OwnerUserId);
        builder.HasIndex(entry => entry.AccessTokenId);
    }
}
