using EdgeKv.Core.Replication;
using EdgeKv.Domain.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EdgeKv.Domain.Tests.Storage;

/// <summary>
/// The read replica's settings (<c>ConnectionStrings:KvReplica</c>, <c>EdgeKv:Storage:MaxReplicaLag</c>) as the domain's
/// composition binds and validates them at start-up: a setting that cannot work is refused with its one message.
/// </summary>
public sealed class ReplicaConfigurationTests
{
    private const string Primary = "Host=127.0.0.1;Port=5432;Database=edgekv;Username=edgekv";
    private const string Replica = "Host=127.0.0.1;Port=5433;Database=edgekv;Username=edgekv";

    public static TheoryData<string?, string?, string?, string> Refused => new()
    {
        { "Postgres", Replica, "soon", StorageOptionsValidator.InvalidMaxReplicaLag },
        { "Postgres", Replica, "60", StorageOptionsValidator.InvalidMaxReplicaLag },
        { "Postgres", Replica, "00:00:00.500", StorageOptionsValidator.InvalidMaxReplicaLag },
        { "Postgres", Replica, "1.00:00:01", StorageOptionsValidator.InvalidMaxReplicaLag },
        { "Postgres", Replica, "-00:01:00", StorageOptionsValidator.InvalidMaxReplicaLag },
        { "Postgres", "Data Source=replica.db", null, StorageOptionsValidator.ReplicaNeedsConnectionString },
        { null, Replica, null, StorageOptionsValidator.ReplicaNeedsPostgresEngine },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Options_UnworkableReplicaSetting_RefusedWithItsMessage(string? provider, string? replica, string? maxLag, string message)
    {
        // Arrange
        using var services = Compose(provider, replica, maxLag);

        // Act
        var refusal = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        // Assert: exactly the one message for the setting to fix.
        Assert.Equal([message], refusal.Failures);
    }

    [Theory]
    [InlineData(null, 60)]
    [InlineData("00:00:01", 1)]
    [InlineData("00:00:02", 2)]
    [InlineData("1.00:00:00", 86_400)]
    public void Options_ReplicaWithABound_BoundAsConfigured(string? maxLag, int expectedSeconds)
    {
        using var services = Compose("Postgres", Replica, maxLag);

        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Equal((Replica, TimeSpan.FromSeconds(expectedSeconds)), (options.KvReplicaConnectionString, options.EffectiveMaxReplicaLag));
    }

    [Fact]
    public void Options_NoReplica_DefaultBoundIsEdgeOnes60Seconds()
    {
        using var services = Compose(null, null, null);

        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Equal(((string?)null, KvReplicaState.DefaultMaxLag), (options.KvReplicaConnectionString, options.EffectiveMaxReplicaLag));
    }

    private static ServiceProvider Compose(string? provider, string? replica, string? maxLag)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EdgeKv:Storage:Provider"] = provider,
            ["ConnectionStrings:Admin"] = provider == "Postgres" ? Primary : null,
            ["ConnectionStrings:KvReplica"] = replica,
            ["EdgeKv:Storage:MaxReplicaLag"] = maxLag,
        }).Build();
        return new ServiceCollection().AddLogging().AddEdgeKvDomain(configuration).BuildServiceProvider();
    }
}
