using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Domain.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Domain.Tests.Concurrency;

/// <summary>Limits hold when requests race: each check and its write share one SQLite write transaction.</summary>
public class ConcurrentLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateAsync_ManyAtOnceAroundTheLimit_ExactlyTheLimitCreated()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, accountId) = await host.CreateOpenUserAsync("ann");
        await host.Accounts.SetQuotaAsync(host.Admin, accountId, 1024 * 1024, 3, Ct);

        // Act: each create on its own service instance and context, as separate circuits would.
        var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await using var other = host.Services.CreateAsyncScope();
            var service = other.ServiceProvider.GetRequiredService<NamespaceService>();
            try
            {
                await service.CreateAsync(user, $"ns{i}", null, Ct);
                return null;
            }
            catch (DomainException exception)
            {
                return exception.Code;
            }
        }));
        var outcomes = await Task.WhenAll(attempts);

        // Assert
        Assert.Equal(3, outcomes.Count(code => code is null));
        Assert.All(outcomes.Where(code => code is not null), code => Assert.Equal(DomainErrors.NamespaceLimitReached.Code, code));
        Assert.Equal(3, (await host.Namespaces.ListAsync(user, null, Ct)).Count);
        Assert.Equal(3, host.Registry.ListNamespaces().Count);
    }

    [Fact]
    public async Task ApproveAsync_TwoApplicationsForTheLastPlace_OnlyOneApproved()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        await host.Accounts.SetMaxApprovedAccountsAsync(host.Admin, 1, Ct);
        var ann = await host.Accounts.ApplyAsync(await host.CreateUserAsync("ann"), null, Ct);
        var bob = await host.Accounts.ApplyAsync(await host.CreateUserAsync("bob"), null, Ct);

        // Act
        var outcomes = await Task.WhenAll(new[] { ann.AccountId!.Value, bob.AccountId!.Value }.Select(id => Task.Run(async () =>
        {
            await using var other = host.Services.CreateAsyncScope();
            var service = other.ServiceProvider.GetRequiredService<AccountApplicationService>();
            try
            {
                await service.ApproveAsync(host.Admin, id, null, Ct);
                return null;
            }
            catch (DomainException exception)
            {
                return exception.Code;
            }
        })));

        // Assert
        Assert.Equal([null, DomainErrors.NoPlacesLeft.Code], outcomes.OrderBy(code => code));
        // The admin's own account (opened at seeding) is not one of the two applicants.
        var accounts = (await host.Accounts.ListAccountsAsync(host.Admin, null, Ct)).Where(a => a.UserId != host.Admin.UserId).ToList();
        Assert.Equal(1, accounts.Count(a => a.Status == KvAccountStatus.Approved));
        Assert.Equal(1, accounts.Count(a => a.Status == KvAccountStatus.Pending));
    }
}
