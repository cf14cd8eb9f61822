using EdgeKv.Core.Keys;
using EdgeKv.Core.Values;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Records;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.Records;

public sealed class RecordWriteTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PutAsync_Text_ReadBackAsTextUnderTheOnePartKey()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");

        // Act
        var versionstamp = await host.Records.PutAsync(user, ns.Id, "count", "41", RecordFormat.Text, Ct);

        // Assert
        var record = await host.Records.GetAsync(user, ns.Id, "count", Ct);
        Assert.NotNull(record);
        Assert.Equal("41", record.Value.AsText());
        Assert.Equal(KvValueEncoding.Text, record.Value.Encoding);
        Assert.Equal(versionstamp, record.Versionstamp);
        Assert.Equal(KvKey.Of("count"), record.Key);
        Assert.Equal("count", record.StringKey);
    }

    [Fact]
    public async Task PutAsync_ValidJson_StoredAsJson()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");

        // Act
        await host.Records.PutAsync(user, ns.Id, "cart", """{"items":[1,2]}""", RecordFormat.Json, Ct);

        // Assert
        var record = await host.Records.GetAsync(user, ns.Id, "cart", Ct);
        Assert.Equal(KvValueEncoding.Json, record!.Value.Encoding);
        Assert.Equal("""{"items":[1,2]}""", record.Value.AsText());
    }

    [Fact]
    public async Task PutAsync_InvalidJson_RefusedAndPreviousValueKept()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");
        await host.Records.PutAsync(user, ns.Id, "cart", "[]", RecordFormat.Json, Ct);

        // Act
        var error = await DomainAssert.RefusedAsync(
            DomainErrors.InvalidJson,
            () => host.Records.PutAsync(user, ns.Id, "cart", "{items: 1", RecordFormat.Json, Ct));

        // Assert
        Assert.Equal("value is not valid JSON", error.Message);
        Assert.Equal("[]", (await host.Records.GetAsync(user, ns.Id, "cart", Ct))!.Value.AsText());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(513)]
    public async Task PutAsync_KeyLengthOutOfRange_RefusedAndNothingWritten(int length)
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");

        // Act
        var error = await DomainAssert.RefusedAsync(
            DomainErrors.InvalidRecordKey,
            () => host.Records.PutAsync(user, ns.Id, new string('k', length), "v", cancellationToken: Ct));

        // Assert
        Assert.Equal("key must be 1 to 512 bytes", error.Message);
        Assert.Empty((await host.Records.ListAsync(user, ns.Id, new RecordQuery(), Ct)).Records);
    }

    [Fact]
    public async Task PutAsync_KeyOf512Utf8Bytes_Accepted()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var key = new string('中', 170) + "ab"; // 170 × 3 bytes + 2 = 512 bytes

        // Act
        await host.Records.PutAsync(user, ns.Id, key, "v", cancellationToken: Ct);

        // Assert
        Assert.NotNull(await host.Records.GetAsync(user, ns.Id, key, Ct));
        await DomainAssert.RefusedAsync(DomainErrors.InvalidRecordKey, () => host.Records.PutAsync(user, ns.Id, key + "c", "v", cancellationToken: Ct));
    }

    [Fact]
    public async Task DeleteAsync_ExistingKey_Gone()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");
        await host.Records.PutAsync(user, ns.Id, "a", "1", cancellationToken: Ct);

        // Act
        await host.Records.DeleteAsync(user, ns.Id, "a", Ct);

        // Assert
        Assert.Null(await host.Records.GetAsync(user, ns.Id, "a", Ct));
    }

    [Fact]
    public async Task DeleteManyAsync_SelectedKeys_OnlyThoseGoneAndAudited()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");
        foreach (var key in new[] { "a", "b", "c", "d" })
        {
            await host.Records.PutAsync(user, ns.Id, key, "v", cancellationToken: Ct);
        }

        // Act
        await host.Records.DeleteManyAsync(user, ns.Id, [KvKey.Of("a"), KvKey.Of("c"), KvKey.Of("zz")], Ct);

        // Assert
        var page = await host.Records.ListAsync(user, ns.Id, new RecordQuery(), Ct);
        Assert.Equal(["b", "d"], page.Records.Select(r => r.StringKey));
        var entry = Assert.Single(await host.AuditLog.ListAsync(user, new(TargetType: "namespace", TargetId: ns.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), Ct), e => e.Action == "records.bulk_deleted");
        Assert.Equal("3 records", entry.Reason);
    }
}
