using EdgeKv.Domain.Storage;
using EdgeKv.Web.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace EdgeKv.Web.Tests.Hosting;

/// <summary>
/// <c>EdgeKv:Storage</c> is checked when the host starts: a configuration that cannot work stops it with a message
/// naming the setting to fix, before anything is written anywhere.
/// </summary>
public sealed class StorageConfigurationTests
{
    public static TheoryData<string?, string?, string?, string> Refused => new()
    {
        { "Oracle", null, null, StorageOptionsValidator.UnknownProvider },
        { "Postgres", null, null, StorageOptionsValidator.PostgresNeedsConnectionString },
        { "Postgres", "Data Source=data/admin.db", null, StorageOptionsValidator.PostgresNeedsConnectionString },
        { "Sqlite", "Host=127.0.0.1;Database=edgekv", null, StorageOptionsValidator.SqliteNeedsConnectionString },
        { null, null, "Cassandra", StorageOptionsValidator.UnknownEngine },
        { null, null, "Postgres", KvRegistryFactory.UnavailableMessage(StorageProvider.Postgres) },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Start_UnworkableStorage_RefusedWithTheSettingToFix(string? provider, string? connectionString, string? engine, string message)
    {
        // Arrange: the test default connection string is a SQLite file; null here keeps it (for Postgres: none at all).
        var settings = new Dictionary<string, string?> { ["EdgeKv:Storage:Provider"] = provider, ["EdgeKv:Storage:Engine"] = engine };
        if (connectionString is not null || provider == "Postgres")
        {
            settings["ConnectionStrings:Admin"] = connectionString;
        }

        using var app = new ConfiguredConsoleApplication(settings);

        // Act
        var refusal = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        // Assert: the operator reads which setting is wrong; nothing was created.
        Assert.Contains(message, refusal.Failures);
        Assert.False(File.Exists(Path.Combine(app.DataPath, "admin.db")));
    }

    [Fact]
    public void Start_ProviderInAnyLetterCase_Accepted()
    {
        using var app = new ConfiguredConsoleApplication(new Dictionary<string, string?> { ["EdgeKv:Storage:Provider"] = "sqlite" });

        using var client = app.CreateClient();

        Assert.True(File.Exists(Path.Combine(app.DataPath, "admin.db")));
    }
}
