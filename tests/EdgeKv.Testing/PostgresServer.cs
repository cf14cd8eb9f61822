using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace EdgeKv.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL server for tests: <c>initdb</c> in a fresh temp folder, started with <c>pg_ctl</c> on a free
/// port of 127.0.0.1 (its socket in its own folder, so it never meets a system cluster), durable as in production
/// (<c>fsync</c> and <c>synchronous_commit</c> on). Stopped and deleted on dispose, and at the latest when the test
/// process exits. Can be stopped and started again on the same folder and port, for outage tests. A server can make a
/// streaming replica of itself (<see cref="StartReplicaAsync"/>) whose replay a test pauses and resumes.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>The superuser initdb creates (trusted on 127.0.0.1: the server lives only as long as the tests).</summary>
    public const string User = "edgekv";

    private static readonly TimeSpan ProgramTimeout = TimeSpan.FromSeconds(90);
    private bool _running;
    private bool _disposed;

    private PostgresServer(string folder, int port)
    {
        Folder = folder;
        Port = port;
        AppDomain.CurrentDomain.ProcessExit += StopOnExit;
    }

    /// <summary>The folder holding the data directory, the socket and the server's log.</summary>
    public string Folder { get; }

    /// <summary>The cluster's data directory.</summary>
    public string DataDirectory => Path.Combine(Folder, "data");

    /// <summary>The server's log, for a failing test to show.</summary>
    public string LogFile => Path.Combine(Folder, "server.log");

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>True between a start and a stop.</summary>
    public bool IsRunning => _running;

    /// <summary>Makes a cluster and starts it.</summary>
    public static async Task<PostgresServer> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "edgekv-pg", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var server = new PostgresServer(folder, FreePort.Next());
        try
        {
            await PostgresProcess.HandOverAsync(folder);
            await PostgresProcess.RunAsync("initdb", ["-D", server.DataDirectory, "-U", User, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-instructions"], ProgramTimeout);
            await File.AppendAllTextAsync(Path.Combine(server.DataDirectory, "postgresql.conf"), server.Settings());
            await server.StartAgainAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Makes a streaming replica of this server, as an operator would (<c>pg_basebackup -R -X stream</c> into a fresh
    /// folder, so it starts as a standby following this server), on a free port, and starts it. A server of its own:
    /// dispose it before this one.
    /// </summary>
    public async Task<PostgresServer> StartReplicaAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "edgekv-pg", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var replica = new PostgresServer(folder, FreePort.Next());
        try
        {
            await PostgresProcess.HandOverAsync(folder);
            await PostgresProcess.RunAsync("pg_basebackup", ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", User,
                "-D", replica.DataDirectory, "-R", "-X", "stream"], ProgramTimeout);

            // The copy carries this server's port and socket folder; the auto.conf settings win over postgresql.conf's.
            await File.AppendAllTextAsync(Path.Combine(replica.DataDirectory, "postgresql.auto.conf"), string.Create(CultureInfo.InvariantCulture,
                $"port = {replica.Port}\nunix_socket_directories = '{folder}'\n"));
            await replica.StartAgainAsync();
            return replica;
        }
        catch
        {
            await replica.DisposeAsync();
            throw;
        }
    }

    /// <summary>On a replica: stops applying the primary's WAL (it keeps receiving it), so reads there stay as they are.</summary>
    public Task PauseReplayAsync() => ExecuteAsync("SELECT pg_wal_replay_pause()");

    /// <summary>On a replica: applies the primary's WAL again, catching up.</summary>
    public Task ResumeReplayAsync() => ExecuteAsync("SELECT pg_wal_replay_resume()");

    /// <summary>A connection string for <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = User,
        Database = database,
    }.ConnectionString;

    /// <summary>Creates an empty database (a fresh name unless given) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        name ??= "t" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Stops the server. <paramref name="immediate"/> is a crash as far as the data is concerned (no checkpoint; the
    /// next start replays the WAL); otherwise clients are disconnected and the server shuts down cleanly.
    /// </summary>
    public async Task StopAsync(bool immediate = false)
    {
        if (!_running)
        {
            return;
        }

        await PostgresProcess.RunAsync("pg_ctl", ["-D", DataDirectory, "-m", immediate ? "immediate" : "fast", "-w", "stop"], ProgramTimeout);
        _running = false;
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Starts the server (again) on its folder and port, and waits until it accepts connections.</summary>
    public async Task StartAgainAsync()
    {
        await PostgresProcess.RunAsync("pg_ctl", ["-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "start"], ProgramTimeout);
        _running = true;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
        NpgsqlConnection.ClearAllPools();
        try
        {
            await StopAsync(immediate: true);
        }
        finally
        {
            TryDelete(Folder);
        }
    }

    private string Settings() => string.Create(CultureInfo.InvariantCulture, $"""

        # EdgeKv test server: loopback only, its own socket folder, production durability.
        port = {Port}
        listen_addresses = '127.0.0.1'
        unix_socket_directories = '{Folder}'
        fsync = on
        synchronous_commit = on
        max_connections = 200
        shared_buffers = 64MB
        wal_level = replica
        max_wal_senders = 4
        logging_collector = off

        """);

    // The test host may end without disposing (a crash, a cancelled run): a server it started must not outlive it.
    private void StopOnExit(object? sender, EventArgs e)
    {
        if (!_running)
        {
            return;
        }

        try
        {
            var info = PostgresProcess.AsPostgresUser
                ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", PostgresBinaries.Program("pg_ctl"), "-D", DataDirectory, "-m", "immediate", "stop"])
                : new ProcessStartInfo(PostgresBinaries.Program("pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "stop"]);
            using var process = Process.Start(info);
            process?.WaitForExit(TimeSpan.FromSeconds(20));
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Exiting anyway; the folder stays for the OS temp cleaner.
        }

        TryDelete(Folder);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A server that would not stop still holds it; the OS temp cleaner will take it.
        }
    }
}
