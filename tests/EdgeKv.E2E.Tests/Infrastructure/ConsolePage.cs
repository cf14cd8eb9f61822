using Microsoft.Playwright;

namespace EdgeKv.E2E.Tests.Infrastructure;

/// <summary>
/// A browser page of one user (its own context), recording every console error and uncaught page error so a test
/// can assert the console stayed clean, and saving screenshots.
/// </summary>
public sealed class ConsolePage : IAsyncDisposable
{
    private readonly List<string> _errors = [];
    private readonly IBrowserContext _context;

    public ConsolePage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors)
                {
                    _errors.Add($"console: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add($"page: {error}");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>The browser console errors seen so far.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>Saves a full-page screenshot as <paramref name="name"/>.png (see <see cref="Screenshots"/>).</summary>
    public Task ScreenshotAsync(string name) => Screenshots.SaveAsync(Page, name);

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
