using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Namespaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdgeKv.Domain.Data.Configurations;

internal sealed class KvNamespaceEntityTypeConfiguration : IEntityTypeConfiguration<KvNamespace>
{
    public void Configure(EntityTypeBuilder<KvNamespace> builder)
    {
        builder.ToTable("KvNamespaces");

        // NOCASE: "Orders" and "orders" are the same name to people; names are ASCII, which NOCASE folds.
        builder.Property(ns => ns.Name).HasMaxLength(KvNamespace.MaxNameLength).UseCollation(EdgeKvDbContext.CaseInsensitiveCollation);
        builder.HasIndex(ns => new { ns.AccountId, ns.Name }).IsUnique();
        builder.Property(ns => ns.StoreId).HasMaxLength(64);
        builder.HasIndex(ns => ns.StoreId).IsUnique();

        // Restrict: deleting a namespace deletes engine data, so it happens only through NamespaceService.
        builder.HasOne<KvAccount>().WithMany().HasForeignKey(ns => ns.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}
