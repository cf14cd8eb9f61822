using EdgeKv.Domain.Namespaces;
using EdgeKv.Domain.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdgeKv.Domain.Data.Configurations;

internal sealed class AccessTokenNamespaceEntityTypeConfiguration : IEntityTypeConfiguration<AccessTokenNamespace>
{
    public void Configure(EntityTypeBuilder<AccessTokenNamespace> builder)
    {
        builder.ToTable("AccessTokenNamespaces");
        builder.HasKey(scope => new { scope.AccessTokenId, scope.NamespaceId });
        builder.HasIndex(scope => scope.NamespaceId);

        // Cascades in the database: deleting a namespace takes it out of every token's scope without the namespace
        // service knowing about tokens.
        builder.HasOne<AccessToken>().WithMany().HasForeignKey(scope => scope.AccessTokenId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<KvNamespace>().WithMany().HasForeignKey(scope => scope.NamespaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
