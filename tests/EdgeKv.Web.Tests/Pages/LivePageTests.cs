using EdgeKv.Domain.Events;
using EdgeKv.Domain.Projects;
using EdgeKv.Web.Components.Pages.Kv;
using EdgeKv.Web.Components.Pages.Projects;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Pages;

/// <summary>What every page built on <c>LivePage</c> shares: it follows the domain events while shown, and only then.</summary>
public sealed class LivePageTests : ConsolePageContext
{
    private static readonly TimeSpan LiveTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Dispose_PageLeft_EndsItsDomainEventSubscription()
    {
        await OpenUserAsync("leaving@example.com");
        var hub = (DomainEventHub)Get<IDomainEvents>();
        var page = Render<KvStorage>();
        page.WaitForElement("#namespace-grid");
        Assert.Equal(1, hub.SubscriberCount);

        await DisposeComponentsAsync();

        Assert.Equal(0, hub.SubscriberCount);
    }

    [Fact]
    public async Task ProjectDetail_RenamedElsewhere_ShowsTheNewName()
    {
        var (user, _) = await OpenUserAsync("projects@example.com");
        var project = await Get<ProjectService>().CreateAsync(user, "shop", cancellationToken: TestContext.Current.CancellationToken);
        var page = Render<ProjectDetail>(p => p.Add(c => c.ProjectId, project.Id));
        page.WaitForAssertion(() => Assert.Equal("shop", page.Find("#project-name").TextContent));

        await Get<ProjectService>().RenameAsync(user, project.Id, "store", TestContext.Current.CancellationToken);

        page.WaitForAssertion(() => Assert.Equal("store", page.Find("#project-name").TextContent), LiveTimeout);
    }
}
