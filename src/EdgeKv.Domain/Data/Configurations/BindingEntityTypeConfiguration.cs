using EdgeKv.Domain.Bindings;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdgeKv.Domain.Data.Configurations;

internal sealed class BindingEntityTypeConfiguration : IEntityTypeConfiguration<Binding>
{
    public void Configure(EntityTypeBuilder<Binding> builder)
    {
        builder.ToTable("Bindings");

        // Variable names are case-sensitive, as JavaScript identifiers are.
        builder.Property(binding => binding.VariableName).HasMaxLength(Binding.MaxVariableNameLength);
        builder.HasIndex(binding => new { binding.ProjectId, binding.VariableName }).IsUnique();
        builder.HasIndex(binding => new { binding.ProjectId, binding.NamespaceId }).IsUnique();
        builder.HasIndex(binding => binding.NamespaceId);

        // A binding lives only as long as both its ends.
        builder.HasOne<KvNamespace>().WithMany().HasForeignKey(binding => binding.NamespaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Project>().WithMany().HasForeignKey(binding => binding.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
