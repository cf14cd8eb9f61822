using EdgeKv.Domain.Identity;
using EdgeKv.Domain.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdgeKv.Domain.Data.Configurations;

internal sealed class AccessTokenEntityTypeConfiguration : IEntityTypeConfiguration<AccessToken>
{
    public void Configure(EntityTypeBuilder<AccessToken> builder)
    {
        builder.ToTable("AccessTokens");
        builder.Property(token => token.Name).HasMaxLength(AccessToken.MaxNameLength);

        // Programs present the secret; its prefix finds the few candidate rows, its hash is then compared.
        builder.Property(token => token.Prefix).HasMaxLength(AccessTokenSecret.PrefixLength);
        builder.HasIndex(token => token.Prefix);
        builder.Property(token => token.SecretHash).HasMaxLength(32);
        builder.Property(token => token.RevokedBy).HasMaxLength(450);
        builder.HasIndex(token => token.OwnerUserId);

        // A user's tokens act for them: they go when the user goes.
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(token => token.OwnerUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
