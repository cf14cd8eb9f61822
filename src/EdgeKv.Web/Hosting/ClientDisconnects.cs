namespace EdgeKv.Web.Hosting;

/// <summary>
/// Ends a request quietly when its client went away: the cancellation a handler observes through
/// <c>RequestAborted</c> is the client's doing, not a server fault, so it must not be logged as an unhandled
/// exception (a 500 nobody receives) nor reach the exception page.
/// </summary>
internal static class ClientDisconnects
{
    public static IApplicationBuilder UseQuietClientDisconnects(this IApplicationBuilder app) =>
        app.Use(static async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // Nobody is listening for an answer.
            }
        });
}
