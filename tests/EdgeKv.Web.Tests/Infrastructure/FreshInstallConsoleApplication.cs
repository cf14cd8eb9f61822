using EdgeKv.Domain.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EdgeKv.Web.Tests.Infrastructure;

/// <summary>
/// The host as a newcomer's first run starts it: no admin password configured. The generated password goes to
/// <see cref="Notices"/> instead of the terminal.
/// </summary>
public sealed class FreshInstallConsoleApplication : ConsoleApplication
{
    public RecordingPasswordNotice Notices { get; } = new();

    /// <summary>Every message the host logged, at every level.</summary>
    public RecordingLoggerProvider Logs { get; } = new();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>
    {
        ["EdgeKv:Admin:Password"] = null,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IInitialAdminPasswordNotice>(Notices));
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
    }

    /// <summary>What the seeder showed.</summary>
    public sealed class RecordingPasswordNotice : IInitialAdminPasswordNotice
    {
        private readonly List<(string Email, string Password)> _shown = [];

        public IReadOnlyList<(string Email, string Password)> Shown
        {
            get
            {
                lock (_shown)
                {
                    return [.. _shown];
                }
            }
        }

        public void Show(string email, string password)
        {
            lock (_shown)
            {
                _shown.Add((email, password));
            }
        }
    }
}
