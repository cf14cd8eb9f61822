using EdgeKv.Core;
using EdgeKv.Core.Values;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Records;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.Records;

/// <summary>Values written from raw bytes (the console's file upload).</summary>
public sealed class RecordBytesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PutBytesAsync_Bytes_ReadBackExactlyAsBytes()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");
        byte[] content = [0x00, 0xff, 0x10, 0x80, 0x7f];

        // Act
        await host.Records.PutBytesAsync(user, ns.Id, "blob.bin", content, RecordFormat.Bytes, expireIn: null, Ct);

        // Assert
        var record = await host.Records.GetAsync(user, ns.Id, "blob.bin", Ct);
        Assert.Equal(KvValueEncoding.Bytes, record!.Value.Encoding);
        Assert.Equal(content, record.Value.Data.ToArray());
    }

    [Fact]
    public async Task PutBytesAsync_Utf8AsText_StoredAsText()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");

        // Act
        await host.Records.PutBytesAsync(user, ns.Id, "note", "你好"u8.ToArray(), RecordFormat.Text, expireIn: null, Ct);

        // Assert
        var record = await host.Records.GetAsync(user, ns.Id, "note", Ct);
        Assert.Equal(KvValueEncoding.Text, record!.Value.Encoding);
        Assert.Equal("你好", record.Value.AsText());
    }

    [Theory]
    [InlineData(RecordFormat.Text, "record.invalid_text")]
    [InlineData(RecordFormat.Json, "record.invalid_json")]
    public async Task PutBytesAsync_NotUtf8AsTextOrJson_RefusedAndNothingWritten(RecordFormat format, string code)
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");

        // Act
        var error = await Assert.ThrowsAsync<DomainException>(
            () => host.Records.PutBytesAsync(user, ns.Id, "bad", new byte[] { 0x22, 0xff, 0x22 }, format, expireIn: null, Ct));

        // Assert
        Assert.Equal(code, error.Code);
        Assert.Null(await host.Records.GetAsync(user, ns.Id, "bad", Ct));
    }

    [Fact]
    public async Task PutBytesAsync_OneByteOverTheLimit_RefusedWithTheEngineMessage()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");

        // Act
        var error = await DomainAssert.RefusedAsync(
            DomainErrors.ValueTooLarge,
            () => host.Records.PutBytesAsync(user, ns.Id, "big", new byte[KvLimits.MaxValueBytes + 1], RecordFormat.Bytes, expireIn: null, Ct));

        // Assert
        Assert.Equal(KvErrors.ValueTooLarge, error.Message);
        Assert.Null(await host.Records.GetAsync(user, ns.Id, "big", Ct));
    }

    [Fact]
    public async Task PutBytesAsync_ExactlyTheLimit_Stored()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");

        // Act
        await host.Records.PutBytesAsync(user, ns.Id, "max", new byte[KvLimits.MaxValueBytes], RecordFormat.Bytes, expireIn: null, Ct);

        // Assert
        Assert.Equal(KvLimits.MaxValueBytes, (await host.Records.GetAsync(user, ns.Id, "max", Ct))!.ValueBytes);
    }
}
