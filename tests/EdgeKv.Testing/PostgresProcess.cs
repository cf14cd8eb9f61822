using System.Diagnostics;

namespace EdgeKv.Testing.Postgres;

/// <summary>
/// Runs PostgreSQL's programs to completion. PostgreSQL refuses to run as root, and CI runs the tests as root: then
/// each program runs as Debian's <c>postgres</c> user (<c>runuser</c>), which owns the server's folders.
/// </summary>
internal static class PostgresProcess
{
    /// <summary>True when programs must be run as the <c>postgres</c> user.</summary>
    public static bool AsPostgresUser => Environment.UserName == "root";

    /// <summary>Runs <paramref name="program"/> with <paramref name="arguments"/>, throwing with its output when it fails.</summary>
    public static async Task RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (AsPostgresUser)
        {
            info.FileName = "runuser";
            foreach (var part in new[] { "-u", "postgres", "--", PostgresBinaries.Program(program) })
            {
                info.ArgumentList.Add(part);
            }
        }
        else
        {
            info.FileName = PostgresBinaries.Program(program);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within {timeout.TotalSeconds} s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {await error}{await output}");
        }
    }

    /// <summary>Gives a folder made by the test host to the <c>postgres</c> user when programs run as it.</summary>
    public static async Task HandOverAsync(string folder)
    {
        if (!AsPostgresUser)
        {
            return;
        }

        using var process = Process.Start("chown", ["-R", "postgres:postgres", folder]) ?? throw new InvalidOperationException("chown did not start.");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"chown postgres {folder} exited with {process.ExitCode}.");
        }
    }
}
