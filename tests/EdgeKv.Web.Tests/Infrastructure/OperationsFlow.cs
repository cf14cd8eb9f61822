using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Identity;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Domain.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Web.Tests.Infrastructure;

/// <summary>Steps the operations tests share, through the real domain services.</summary>
internal static class OperationsFlow
{
    /// <summary>A new namespace of the admin's own KV account (opened at seeding) and a read-write token for it.</summary>
    public static async Task<(string StoreId, string Secret)> AdminTokenAsync(OperationsApplication app, CancellationToken cancellationToken)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var admin = await services.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(ConsoleClient.AdminEmail);
        var caller = new Caller(admin!.Id, IsAdmin: true);
        var ns = await services.GetRequiredService<NamespaceService>().CreateAsync(
            caller, $"ops-{Guid.NewGuid():N}"[..20], cancellationToken: cancellationToken);
        var created = await services.GetRequiredService<AccessTokenService>().CreateAsync(
            caller, new NewAccessToken("ops", [ns.Id], AccessTokenPermission.ReadWrite), cancellationToken);
        return (ns.StoreId, created.Secret);
    }
}
