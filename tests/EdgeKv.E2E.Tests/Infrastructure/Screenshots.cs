using EdgeKv.Testing.Repository;
using Microsoft.Playwright;

namespace EdgeKv.E2E.Tests.Infrastructure;

/// <summary>
/// Screenshots of the main pages. They are always written to <c>screenshots/</c> in the test output folder; with
/// <c>EDGEKV_SCREENSHOTS_TO_DOCS=1</c> they are also written to the repository's <c>docs/screenshots/</c>, which is
/// how the README's pictures are refreshed (kept opt-in so a test run never changes the working tree by itself).
/// </summary>
public static class Screenshots
{
    public static string OutputFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Saves <paramref name="name"/>.png; <paramref name="toDocs"/> false keeps a check's many pictures out of the docs.</summary>
    public static async Task SaveAsync(IPage page, string name, bool fullPage = true, bool toDocs = true)
    {
        Directory.CreateDirectory(OutputFolder);
        var file = Path.Combine(OutputFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = fullPage });

        if (toDocs && Environment.GetEnvironmentVariable("EDGEKV_SCREENSHOTS_TO_DOCS") == "1" && RepositoryRoot.TryFind() is { } repository)
        {
            var docs = Path.Combine(repository, "docs", "screenshots");
            Directory.CreateDirectory(docs);
            File.Copy(file, Path.Combine(docs, name + ".png"), overwrite: true);
        }
    }

}
