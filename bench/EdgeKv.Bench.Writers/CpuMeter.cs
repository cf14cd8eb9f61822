using System.Diagnostics;
using System.Globalization;

namespace EdgeKv.Bench.Writers;

/// <summary>
/// CPU time spent by this process and, for PostgreSQL, by the server's processes (the postmaster and its children,
/// read from /proc), so a run can say where the time goes when the machine is shared and wall time says little.
/// </summary>
internal sealed class CpuMeter(int? postmasterPid)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public (TimeSpan Client, TimeSpan Server) Read() => (Process.GetCurrentProcess().TotalProcessorTime, ServerCpu());

    /// <summary>The postmaster's pid from its data directory's postmaster.pid, or null.</summary>
    public static int? PostmasterPid(string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, "postmaster.pid");
        return File.Exists(file) && int.TryParse(File.ReadLines(file).First(), CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    private TimeSpan ServerCpu()
    {
        if (postmasterPid is not { } root)
        {
            return TimeSpan.Zero;
        }

        double ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // Fields after the command name (which may hold spaces, so split after its closing parenthesis).
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
                if (pid == root || parent == root)
                {
                    ticks += double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // A process that ended meanwhile.
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
