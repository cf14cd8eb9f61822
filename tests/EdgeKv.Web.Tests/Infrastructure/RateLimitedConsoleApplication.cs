using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Web.Tests.Infrastructure;

/// <summary>
/// The host with low rate limits in windows of an hour, so a test crosses each limit in a few requests and no window
/// can pass during a test; requests may name their client address (<see cref="TestClientAddress"/>).
/// </summary>
public sealed class RateLimitedConsoleApplication : ConsoleApplication
{
    public const int SignInLimit = 3;
    public const int RegistrationLimit = 2;
    public const int AccessTokenLimit = 3;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>
    {
        ["EdgeKv:RateLimits:SignIn:PermitLimit"] = SignInLimit.ToString(),
        ["EdgeKv:RateLimits:SignIn:Window"] = "01:00:00",
        ["EdgeKv:RateLimits:Registration:PermitLimit"] = RegistrationLimit.ToString(),
        ["EdgeKv:RateLimits:Registration:Window"] = "01:00:00",
        ["EdgeKv:RateLimits:AccessToken:PermitLimit"] = AccessTokenLimit.ToString(),
        ["EdgeKv:RateLimits:AccessToken:Window"] = "01:00:00",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestClientAddress>());
    }
}
