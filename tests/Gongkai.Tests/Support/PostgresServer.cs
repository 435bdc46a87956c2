using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

[assembly: AssemblyFixture(typeof(Gongkai.Tests.Support.PostgresServer))]

namespace Gongkai.Tests.Support;

/// <summary>
/// A real PostgreSQL 15 server for the whole test run, from Debian's package: initdb into a temp dir, then
/// <c>pg_ctl -w start</c> on a free loopback port (as the <c>postgres</c> OS user when running as root), stopped
/// at the end. <c>GONGKAI_TEST_PG</c> (a connection string to a server that may create databases) replaces it.
/// If the server cannot be started, every PostgreSQL test fails with the reason: they are never skipped.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string BinDir = "/usr/lib/postgresql/15/bin";
    private const string SuperUser = "postgres";

    private string? _dataRoot;
    private string? _dataDir;
    private bool _weStarted;
    private Exception? _startFailure;
    private string? _adminConnectionString;

    /// <summary>Connection string of a superuser on the <c>postgres</c> database.</summary>
    public string AdminConnectionString =>
        _adminConnectionString ?? throw new InvalidOperationException("PostgreSQL is not available for the tests: " + _startFailure?.Message, _startFailure);

    public async ValueTask InitializeAsync()
    {
        try
        {
            var external = Environment.GetEnvironmentVariable("GONGKAI_TEST_PG");
            if (!string.IsNullOrWhiteSpace(external))
            {
                _adminConnectionString = external;
            }
            else
            {
                _adminConnectionString = await StartAsync();
            }
            await using var conn = new NpgsqlConnection(_adminConnectionString);
            await conn.OpenAsync();
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or NpgsqlException or System.ComponentModel.Win32Exception or TimeoutException)
        {
            _startFailure = ex;
            _adminConnectionString = null;
        }
    }

    private async Task<string> StartAsync()
    {
        if (!File.Exists(Path.Combine(BinDir, "pg_ctl")))
        {
            throw new InvalidOperationException($"{BinDir}/pg_ctl not found: install Debian's postgresql package (test.sh does).");
        }
        var asRoot = Environment.UserName == "root";
        _dataRoot = Directory.CreateTempSubdirectory("gongkai-pg-").FullName;
        _dataDir = Path.Combine(_dataRoot, "data");
        var socketDir = Path.Combine(_dataRoot, "sock");
        Directory.CreateDirectory(socketDir);
        if (asRoot)
        {
            await RunAsync("chown", ["-R", SuperUser + ":" + SuperUser, _dataRoot], asPostgres: false);
        }
        await RunAsync(Path.Combine(BinDir, "initdb"),
            ["-D", _dataDir, "-U", SuperUser, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"], asRoot);
        var port = FreePort();
        var options = $"-F -p {port} -k {socketDir} -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=64MB";
        await RunAsync(Path.Combine(BinDir, "pg_ctl"),
            ["-D", _dataDir, "-l", Path.Combine(_dataRoot, "server.log"), "-w", "-t", "60", "-o", options, "start"], asRoot);
        _weStarted = true;
        return $"Host=127.0.0.1;Port={port};Username={SuperUser};Database=postgres;Pooling=true;Timeout=30;Command Timeout=60";
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_weStarted && _dataDir is not null)
        {
            try
            {
                await RunAsync(Path.Combine(BinDir, "pg_ctl"), ["-D", _dataDir, "-m", "immediate", "-w", "stop"], Environment.UserName == "root");
            }
            catch (InvalidOperationException)
            {
                // Already gone; nothing else to do.
            }
        }
        if (_dataRoot is not null)
        {
            try
            {
                Directory.Delete(_dataRoot, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: it is a temp dir.
            }
        }
    }

    /// <summary>Creates a database (empty, or a copy of <paramref name="template"/>) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string template = "template0", CancellationToken ct = default)
    {
        var name = "gk_" + Guid.NewGuid().ToString("N")[..20];
        await using (var conn = new NpgsqlConnection(AdminConnectionString))
        {
            await conn.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\" ENCODING 'UTF8'", conn);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using (var c = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(c);
        }
        await using var conn = new NpgsqlConnection(AdminConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> args, bool asPostgres)
    {
        var psi = new ProcessStartInfo
        {
            FileName = asPostgres ? "runuser" : file,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/tmp",
        };
        if (asPostgres)
        {
            psi.ArgumentList.Add("-u");
            psi.ArgumentList.Add(SuperUser);
            psi.ArgumentList.Add("--");
            psi.ArgumentList.Add(file);
        }
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {file}.");
        // pg_ctl leaves the server holding stdout open: read the pipes without waiting for their end.
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await p.WaitForExitAsync(timeout.Token);
        if (p.ExitCode != 0)
        {
            var err = await Task.WhenAny(stderr, Task.Delay(1000)) == stderr ? stderr.Result : "";
            var output = await Task.WhenAny(stdout, Task.Delay(1000)) == stdout ? stdout.Result : "";
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {p.ExitCode}: {err}{output}");
        }
    }
}
