using EdgeKv.Testing;
using EdgeKv.Web.Components.Layout;
using EdgeKv.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Npgsql;

namespace EdgeKv.Web.Tests.Shell;

/// <summary>
/// The layout's error boundary: a page that fails on something unexpected shows the generic fault, one that fails
/// because its PostgreSQL server cannot be reached (a real connection attempt to a port nobody listens on) says the
/// storage is unavailable; neither shows the exception.
/// </summary>
public sealed class LayoutFaultTests : ConsolePageContext
{
    [Fact]
    public async Task PageFails_StorageUnreachable_SaysStorageUnavailableInChinese()
    {
        using var culture = new CultureScope("zh-Hans");
        SignIn(await CreateUserAsync("fault@example.com"), "fault@example.com");

        var layout = RenderLayoutAround(await UnreachableServerFailureAsync());

        var fault = layout.WaitForElement("#page-fault");
        Assert.Equal("存储暂时不可用，请稍后重试。", fault.TextContent.Trim());
    }

    [Fact]
    public async Task PageFails_Unexpectedly_ShowsTheGenericFaultInEnglish_WithoutTheException()
    {
        using var culture = new CultureScope("en");
        SignIn(await CreateUserAsync("bug@example.com"), "bug@example.com");

        var layout = RenderLayoutAround(new InvalidOperationException("secret detail"));

        var fault = layout.WaitForElement("#page-fault");
        Assert.Contains("Something went wrong", fault.TextContent);
        Assert.DoesNotContain("secret detail", layout.Markup);
    }

    private IRenderedComponent<MainLayout> RenderLayoutAround(Exception failure) => Render<MainLayout>(parameters => parameters
        .Add(p => p.Body, (RenderFragment)(body =>
        {
            body.OpenComponent<FailingPage>(0);
            body.AddComponentParameter(1, nameof(FailingPage.Failure), failure);
            body.CloseComponent();
        })));

    private static async Task<Exception> UnreachableServerFailureAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={FreePort.Next()};Username=edgekv;Timeout=5");
            await connection.OpenAsync(TestContext.Current.CancellationToken);
        }
        catch (NpgsqlException exception)
        {
            return exception;
        }

        throw new InvalidOperationException("A server answered on a port that was free.");
    }

    /// <summary>A page whose data load fails with <see cref="Failure"/>, outside any page's own error handling.</summary>
    public sealed class FailingPage : ComponentBase
    {
        [Parameter]
        public Exception Failure { get; set; } = default!;

        protected override Task OnInitializedAsync() => Task.FromException(Failure);
    }
}
