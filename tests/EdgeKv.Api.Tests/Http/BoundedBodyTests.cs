using EdgeKv.Api.Http.Values;
using Microsoft.AspNetCore.Http;

namespace EdgeKv.Api.Tests.Http;

/// <summary>A request body is buffered as its bytes arrive, never sized from the Content-Length it claims.</summary>
public sealed class BoundedBodyTests
{
    [Theory]
    [InlineData(null, 0)]
    [InlineData(0L, 0)]
    [InlineData(100L, 100)]
    [InlineData(81920L, 81920)]
    [InlineData(26_214_400L, 81920)] // a declared 25 MiB value starts at one chunk
    public void InitialCapacity_DeclaredLength_AtMostOneChunk(long? declared, int expected) =>
        Assert.Equal(expected, BoundedBody.InitialCapacity(declared));

    [Fact]
    public async Task ReadAsync_BodyShorterThanDeclared_ReturnsTheBytesThatCame()
    {
        // Arrange: a client that claims 20 MiB and sends 3 bytes (the server would then see the connection end).
        var context = new DefaultHttpContext();
        context.Request.ContentLength = 20 * 1024 * 1024;
        context.Request.Body = new MemoryStream([1, 2, 3]);

        // Act
        var body = await BoundedBody.ReadAsync(context, 25 * 1024 * 1024);

        // Assert
        Assert.Equal(new byte[] { 1, 2, 3 }, body);
    }

    [Fact]
    public async Task ReadAsync_LongerThanOneChunk_GrowsAndKeepsEveryByte()
    {
        var bytes = Enumerable.Range(0, 300_000).Select(i => (byte)i).ToArray();
        var context = new DefaultHttpContext();
        context.Request.ContentLength = bytes.Length;
        context.Request.Body = new MemoryStream(bytes);

        var body = await BoundedBody.ReadAsync(context, 25 * 1024 * 1024);

        Assert.Equal(bytes, body);
    }
}
