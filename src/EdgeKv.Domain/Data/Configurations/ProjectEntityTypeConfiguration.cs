using EdgeKv.Domain.Identity;
using EdgeKv.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdgeKv.Domain.Data.Configurations;

internal sealed class ProjectEntityTypeConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.ToTable("Projects");
        builder.Property(project => project.Name).HasMaxLength(Project.MaxNameLength).UseCollation(EdgeKvDbContext.CaseInsensitiveCollation);
        builder.HasIndex(project => new { project.OwnerUserId, project.Name }).IsUnique();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(project => project.OwnerUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
