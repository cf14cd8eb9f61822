namespace EdgeKv.Core.Tests.Support;

/// <summary>Waiting on a condition instead of sleeping: polls until it holds or a generous timeout passes.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Timeout);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(10);
        }

        return await condition();
    }
}
