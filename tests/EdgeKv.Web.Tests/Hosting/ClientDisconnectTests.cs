using EdgeKv.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Web.Tests.Hosting;

/// <summary>A client that goes away ends its request quietly; a cancellation the server caused is still an error.</summary>
public sealed class ClientDisconnectTests
{
    [Fact]
    public async Task Request_CancelledBecauseTheClientLeft_EndsWithoutException()
    {
        // Arrange
        using var aborted = new CancellationTokenSource();
        var context = new DefaultHttpContext { RequestAborted = aborted.Token };
        var pipeline = Pipeline(async http =>
        {
            await aborted.CancelAsync();
            http.RequestAborted.ThrowIfCancellationRequested();
        });

        // Act
        var exception = await Record.ExceptionAsync(() => pipeline(context));

        // Assert
        Assert.Null(exception);
    }

    [Fact]
    public async Task Request_CancelledByTheServerItself_StillThrows()
    {
        var context = new DefaultHttpContext();
        var pipeline = Pipeline(_ => throw new OperationCanceledException("a server-side timeout"));

        await Assert.ThrowsAsync<OperationCanceledException>(() => pipeline(context));
    }

    private static RequestDelegate Pipeline(RequestDelegate handler)
    {
        var app = new ApplicationBuilder(new ServiceCollection().BuildServiceProvider());
        app.UseQuietClientDisconnects();
        app.Run(handler);
        return app.Build();
    }
}
