using EdgeKv.Domain.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdgeKv.Domain.Data.Configurations;

internal sealed class PlatformSettingsEntityTypeConfiguration : IEntityTypeConfiguration<PlatformSettings>
{
    public void Configure(EntityTypeBuilder<PlatformSettings> builder)
    {
        builder.ToTable("PlatformSettings");
        builder.Property(settings => settings.Id).ValueGeneratedNever();

        // The one row exists from the first migration on, so readers never have to create it.
        builder.HasData(new PlatformSettings { Id = PlatformSettings.SingletonId, MaxApprovedAccounts = null });
    }
}
