using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace Pipeline.Host.Tests.Postgres;

/// <summary>
/// A throwaway PostgreSQL server for tests: a new temporary data folder (a copy of one made by
/// <c>initdb</c> once), a server on a free 127.0.0.1 port (trust authentication, superuser
/// <see cref="User"/>, no fsync: nothing needs to survive the machine), stopped and deleted on
/// dispose (or, when the test process died first, by the next start). The binaries are Debian's
/// (<c>/usr/lib/postgresql/&lt;version&gt;/bin</c>, installed by <c>tools/postgres.sh</c>) or
/// <c>initdb</c> on PATH. PostgreSQL refuses to run as root, so under root the server runs as the
/// <c>postgres</c> user the Debian package creates.
/// </summary>
/// <example>
/// <code>
/// await using var postgres = await PostgresServer.StartAsync();
/// var connectionString = await postgres.CreateDatabaseAsync("journal");
/// </code>
/// </example>
public sealed partial class PostgresServer : IAsyncDisposable
{
    /// <summary>The superuser the server is initialised with; every connection string logs in as it.</summary>
    public const string User = "pipeline";

    private const string FolderPrefix = "pipeline-postgres-";

    private const string OwnerSuffix = ".owner";

    /// <summary>Trust authentication on 127.0.0.1 only; no sync: nothing has to survive the machine.</summary>
    private static readonly string[] InitdbArguments = ["--username", User, "--auth", "trust", "--encoding", "UTF8", "--locale", "C", "--no-sync", "--no-instructions"];

    private static readonly Lazy<string> Binaries = new(FindBinaries);

    private PostgresServer(string dataFolder, int port)
    {
        DataFolder = dataFolder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The server's data folder (its log is <c>server.log</c> in it).</summary>
    public string DataFolder { get; }

    /// <summary>Creates the data folder (a copy of the template) and starts the server: about a
    /// second on an idle machine, a few seconds more the first time on a machine (initdb).</summary>
    public static async Task<PostgresServer> StartAsync(CancellationToken cancellation = default)
    {
        await StopOrphansAsync();
        var dataFolder = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Guid.NewGuid():N}");
        // Who started the server: a test process that dies skips DisposeAsync, and the next start
        // stops what it left behind.
        await File.WriteAllTextAsync(dataFolder + OwnerSuffix, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellation);
        try
        {
            await RunAsync("cp", ["-a", await TemplateAsync(cancellation), dataFolder], cancellation);
            // A port can be taken between choosing it and the server binding it: try a few.
            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort();
                try
                {
                    await RunAsync(Tool("pg_ctl"), ["start", "--wait", "--timeout", "30", "--pgdata", dataFolder, "--log", Path.Combine(dataFolder, "server.log"), "-o", ServerOptions(port)], cancellation);
                    return new PostgresServer(dataFolder, port);
                }
                catch (InvalidOperationException) when (attempt < 3)
                {
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var log = Path.Combine(dataFolder, "server.log");
            var detail = File.Exists(log) ? $"\nserver.log:\n{await File.ReadAllTextAsync(log, CancellationToken.None)}" : "";
            await DiscardAsync(dataFolder);
            throw new InvalidOperationException($"could not start a test PostgreSQL server: {e.Message}{detail}", e);
        }
        catch
        {
            await DiscardAsync(dataFolder);
            throw;
        }
    }

    /// <summary>The Npgsql connection string of <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = User,
        Database = database,
    }.ConnectionString;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    /// <param name="name">Lower-case letters, digits and underscores, starting with a letter.</param>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellation = default)
    {
        if (!DatabaseName().IsMatch(name))
            throw new ArgumentException($"'{name}' is not a plain database name (a-z, 0-9, _; at most 63)", nameof(name));
        // No pooling: the server's own maintenance database should not keep idle connections.
        await using var connection = new NpgsqlConnection(ConnectionString() + ";Pooling=false");
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync(cancellation);
        return ConnectionString(name);
    }

    /// <summary>Stops the server at once (nothing in it is kept) and deletes its folder.</summary>
    public ValueTask DisposeAsync() => new(DiscardAsync(DataFolder));

    /// <summary>
    /// The folder every server's data folder is a copy of, made by initdb once per machine (and per
    /// binaries and options): initdb takes seconds of CPU, a copy a fraction of one. It is built
    /// under another name and renamed into place, so a half-made template is never used.
    /// </summary>
    private static async Task<string> TemplateAsync(CancellationToken cancellation)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(' ', [Binaries.Value, .. InitdbArguments]))));
        var template = Path.Combine(Path.GetTempPath(), $"pipeline-postgres-template-{key[..16].ToLowerInvariant()}");
        if (File.Exists(Path.Combine(template, "global", "pg_control")))
            return template;
        var building = $"{template}.{Guid.NewGuid():N}";
        try
        {
            await RunAsync(Tool("initdb"), ["--pgdata", building, .. InitdbArguments], cancellation);
            Directory.Move(building, template);
        }
        catch (IOException) when (File.Exists(Path.Combine(template, "global", "pg_control")))
        {
            // Another test process renamed its template into place first.
        }
        finally
        {
            if (Directory.Exists(building))
                Directory.Delete(building, recursive: true);
        }

        return template;
    }

    /// <summary>Stops and deletes the servers of test processes that are no longer running.</summary>
    private static async Task StopOrphansAsync()
    {
        foreach (var owner in Directory.GetFiles(Path.GetTempPath(), $"{FolderPrefix}*{OwnerSuffix}"))
        {
            try
            {
                if (!int.TryParse(await File.ReadAllTextAsync(owner), out var pid) || IsRunning(pid))
                    continue;
                await DiscardAsync(owner[..^OwnerSuffix.Length]);
            }
            catch (IOException)
            {
                // Another test process is cleaning up the same orphan.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string ServerOptions(int port) => string.Join(' ',
        $"-p {port}",
        "-c listen_addresses=127.0.0.1",
        // TCP only: the default socket folder (/var/run/postgresql) may not exist or be writable.
        "-c unix_socket_directories=''",
        "-c fsync=off",
        "-c synchronous_commit=off",
        "-c full_page_writes=off",
        "-c shared_buffers=32MB",
        // Each actor system keeps its own connection pool per database.
        "-c max_connections=300");

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string Tool(string name) => Path.Combine(Binaries.Value, name);

    /// <summary>Runs a program as the server's user (<c>postgres</c> when we are root), so that
    /// what it creates belongs to the server, and throws with its output when it fails.</summary>
    private static async Task RunAsync(string program, string[] arguments, CancellationToken cancellation)
    {
        var start = Environment.UserName == "root"
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", program, .. arguments])
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        // The postgres user may not be allowed into the current folder, and initdb needs to be.
        start.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var error = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {(await error).Trim()} {(await output).Trim()}".Trim());
    }

    /// <summary>The newest Debian PostgreSQL's binaries, else the folder of initdb on PATH.</summary>
    private static string FindBinaries()
    {
        const string debian = "/usr/lib/postgresql";
        var versioned = Directory.Exists(debian)
            ? Directory.GetDirectories(debian)
                .Select(folder => (Folder: Path.Combine(folder, "bin"), Version: decimal.TryParse(Path.GetFileName(folder), System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(candidate => File.Exists(Path.Combine(candidate.Folder, "initdb")))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Folder)
                .FirstOrDefault()
            : null;
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(folder => File.Exists(Path.Combine(folder, "initdb")));
        return versioned ?? onPath
            ?? throw new InvalidOperationException("PostgreSQL's initdb was found neither under /usr/lib/postgresql/<version>/bin nor on PATH: run tools/postgres.sh (apt-get install postgresql)");
    }

    /// <summary>Stops the server of <paramref name="dataFolder"/> if it runs, and deletes the folder.</summary>
    private static async Task DiscardAsync(string dataFolder)
    {
        if (File.Exists(Path.Combine(dataFolder, "postmaster.pid")))
        {
            try
            {
                await RunAsync(Tool("pg_ctl"), ["stop", "--wait", "--mode", "immediate", "--pgdata", dataFolder], CancellationToken.None);
            }
            catch (InvalidOperationException)
            {
                // Not running (it never started, or the machine restarted since): only the folder is left.
            }
        }

        if (Directory.Exists(dataFolder))
            Directory.Delete(dataFolder, recursive: true);
        File.Delete(dataFolder + OwnerSuffix);
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}
