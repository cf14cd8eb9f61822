using EdgeKv.Domain.Deployments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdgeKv.Domain.Data.Configurations;

internal sealed class DeploymentFileEntityTypeConfiguration : IEntityTypeConfiguration<DeploymentFile>
{
    public void Configure(EntityTypeBuilder<DeploymentFile> builder)
    {
        builder.ToTable("DeploymentFiles");

        // Paths are case-sensitive, as the module paths the runtime loads are.
        builder.Property(file => file.Path).HasMaxLength(FunctionFilePaths.MaxPathLength);
        builder.HasIndex(file => new { file.DeploymentId, file.Path }).IsUnique();
    }
}
