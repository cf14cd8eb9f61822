using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdgeKv.Domain.Data.Configurations;

internal sealed class KvAccountEntityTypeConfiguration : IEntityTypeConfiguration<KvAccount>
{
    public void Configure(EntityTypeBuilder<KvAccount> builder)
    {
        builder.ToTable("KvAccounts");
        builder.HasIndex(account => account.UserId).IsUnique();
        builder.HasIndex(account => account.Status);
        builder.Property(account => account.ApplicationReason).HasMaxLength(DomainValidation.MaxReasonLength);
        builder.Property(account => account.DecisionReason).HasMaxLength(DomainValidation.MaxReasonLength);
        builder.Ignore(account => account.BudgetGroup);

        // Restrict: a user who still has an account holds engine data that must be deleted through the services.
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(account => account.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
