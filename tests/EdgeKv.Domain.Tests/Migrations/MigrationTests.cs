using EdgeKv.Domain.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Tests.Migrations;

public class MigrationTests
{
    [Fact]
    public async Task Model_AfterMigrations_HasNoChangesWithoutAMigration()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        await using var db = host.CreateDbContext();

        // Act
        var pending = await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken);

        // Assert: a model change needs `dotnet ef migrations add` (see EdgeKvDbContext's remarks).
        Assert.Empty(pending);
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task Migrate_FreshDatabase_SeedsThePlatformSettingsRow()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        await using var db = host.CreateDbContext();

        // Act
        var settings = await db.PlatformSettings.SingleAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Null(settings.MaxApprovedAccounts);
    }
}
