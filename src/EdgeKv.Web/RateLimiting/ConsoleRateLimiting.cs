using EdgeKv.Api.RateLimiting;

namespace EdgeKv.Web.RateLimiting;

/// <summary>Registers the console's per-address limits (the APIs' per-token limit comes with <c>AddEdgeKvApi</c>).</summary>
internal static class ConsoleRateLimiting
{
    public static IServiceCollection AddConsoleRateLimits(this IServiceCollection services)
    {
        services.AddOptions<ConsoleRateLimitOptions>()
            .BindConfiguration(KvApiRateLimitOptions.SectionName)
            .Validate(options => options.SignIn.IsValid, "EdgeKv:RateLimits:SignIn needs PermitLimit >= 1 and a Window longer than zero.")
            .Validate(options => options.Registration.IsValid, "EdgeKv:RateLimits:Registration needs PermitLimit >= 1 and a Window longer than zero.")
            .ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy<string, SignInRateLimitPolicy>(SignInRateLimitPolicy.Name);
            options.AddPolicy<string, RegistrationRateLimitPolicy>(RegistrationRateLimitPolicy.Name);
        });
        return services;
    }
}
