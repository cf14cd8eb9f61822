using EdgeKv.Domain.FunctionLogs;
using EdgeKv.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdgeKv.Domain.Data.Configurations;

internal sealed class ProjectLogLineEntityTypeConfiguration : IEntityTypeConfiguration<ProjectLogLine>
{
    public void Configure(EntityTypeBuilder<ProjectLogLine> builder)
    {
        builder.ToTable("ProjectLogLines");
        builder.Property(line => line.Message).HasMaxLength(ProjectLogBook.MaxMessageLength);
        builder.Property(line => line.Code).HasMaxLength(64);

        // Every read and the retention go by project, newest first; the others' new lines by writer.
        builder.HasIndex(line => new { line.ProjectId, line.Id });
        builder.HasIndex(line => new { line.ProjectId, line.Writer, line.Id });

        // A project's log goes with it.
        builder.HasOne<Project>().WithMany().HasForeignKey(line => line.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
