using EdgeKv.Domain.Deployments;
using EdgeKv.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdgeKv.Domain.Data.Configurations;

internal sealed class DeploymentEntityTypeConfiguration : IEntityTypeConfiguration<Deployment>
{
    public void Configure(EntityTypeBuilder<Deployment> builder)
    {
        builder.ToTable("Deployments");
        builder.Property(deployment => deployment.CreatedByUserId).HasMaxLength(450);
        builder.HasIndex(deployment => deployment.ProjectId);

        // Deployments live as long as their project; their files as long as they do.
        builder.HasOne<Project>().WithMany().HasForeignKey(deployment => deployment.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(deployment => deployment.Files).WithOne().HasForeignKey(file => file.DeploymentId).OnDelete(DeleteBehavior.Cascade);
    }
}
