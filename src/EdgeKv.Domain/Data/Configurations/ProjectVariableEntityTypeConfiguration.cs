using EdgeKv.Domain.Projects;
using EdgeKv.Domain.Variables;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdgeKv.Domain.Data.Configurations;

internal sealed class ProjectVariableEntityTypeConfiguration : IEntityTypeConfiguration<ProjectVariable>
{
    public void Configure(EntityTypeBuilder<ProjectVariable> builder)
    {
        builder.ToTable("ProjectVariables");

        // Names are case-sensitive, as env's keys are.
        builder.Property(variable => variable.Name).HasMaxLength(ProjectVariableRules.MaxNameLength);
        builder.HasIndex(variable => new { variable.ProjectId, variable.Name }).IsUnique();

        // A project's variables go with it.
        builder.HasOne<Project>().WithMany().HasForeignKey(variable => variable.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
