using EdgeKv.Domain.Cluster;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Testing.Postgres;
using EdgeKv.Web.Components.Pages.Kv;
using EdgeKv.Web.Tests.Infrastructure;
using MudBlazor;

namespace EdgeKv.Web.Tests.Pages;

/// <summary>
/// The console of a cluster node while its PostgreSQL server is stopped: a page says the storage is unavailable, in
/// the person's language, rather than the generic fault; a change asked for meanwhile is refused with the same words
/// and changes nothing; once the server is back and the node's cluster listener has reconnected (as in a running
/// host), the open page shows its data again by itself.
/// </summary>
public sealed class StorageOutagePageTests : ConsolePageContext, IClassFixture<PostgresServerFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly PostgresServer _server;
    private readonly string _database;

    public StorageOutagePageTests(PostgresServerFixture postgres)
        : this(postgres.Server, "t" + Guid.NewGuid().ToString("N"))
    {
    }

    private StorageOutagePageTests(PostgresServer server, string database)
        : base(new Dictionary<string, string?>
        {
            ["EdgeKv:Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Admin"] = server.ConnectionString(database),
        })
    {
        _server = server;
        _database = database;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public override async ValueTask InitializeAsync()
    {
        await _server.CreateDatabaseAsync(_database);
        await base.InitializeAsync();
        await Get<ClusterEventListener>().StartAsync(Ct);
    }

    [Fact]
    public async Task NamespaceList_ServerStopped_SaysStorageUnavailableInChinese_ThenShowsTheListByItselfOnceItIsBack()
    {
        // Arrange
        using var culture = new CultureScope("zh-Hans");
        await OpenUserAsync("outage@example.com", "sessions");
        var reconnected = Get<ClusterEventListener>().NextConnection;
        await _server.StopAsync();

        // Act
        IRenderedComponent<KvStorage> page;
        try
        {
            page = Render<KvStorage>();
            page.WaitForElement("#load-error", Timeout);
        }
        finally
        {
            await _server.StartAgainAsync();
        }

        // Assert: the outage in the person's words, not the generic fault; then, once the node is back (its cluster
        // listener reconnected and said events may have been missed), the list again without a reload.
        Assert.Equal("存储暂时不可用，请稍后重试。", page.Find("#load-error").TextContent.Trim());
        await reconnected.WaitAsync(Timeout, Ct);
        page.WaitForAssertion(() => Assert.Equal(["sessions"], page.FindAll("a.namespace-link").Select(a => a.TextContent)), Timeout);
        Assert.Empty(page.FindAll("#load-error"));
    }

    [Fact]
    public async Task DeleteNamespace_ServerStoppedAfterTheListLoaded_RefusedInEnglish_AndTheNamespaceStays()
    {
        // Arrange: the list shown, then the server stopped.
        using var culture = new CultureScope("en");
        var (user, _) = await OpenUserAsync("keep@example.com", "kept");
        var dialogs = Render<MudDialogProvider>();
        var page = Render<KvStorage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("a.namespace-link")), Timeout);
        var reconnected = Get<ClusterEventListener>().NextConnection;
        await _server.StopAsync();

        // Act: delete it, confirmed, during the outage.
        try
        {
            page.Find("button.delete-namespace[data-name='kept']").Click();
            dialogs.WaitForAssertion(() => Assert.Contains("kept", dialogs.Markup), Timeout);
            dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();
            page.WaitForAssertion(() => Assert.Contains("The storage is unavailable right now. Try again in a moment.", SnackbarTexts), Timeout);
        }
        finally
        {
            await _server.StartAgainAsync();
        }

        // Assert: nothing was deleted.
        await reconnected.WaitAsync(Timeout, Ct);
        Assert.Equal(["kept"], (await Get<NamespaceService>().ListAsync(user, cancellationToken: Ct)).Select(ns => ns.Name));
        Assert.DoesNotContain("Something went wrong. Try again.", SnackbarTexts);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await Get<ClusterEventListener>().StopAsync(CancellationToken.None);
        await base.DisposeAsyncCore();
    }
}
