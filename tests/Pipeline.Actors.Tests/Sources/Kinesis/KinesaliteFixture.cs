using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Xunit;

namespace Pipeline.Actors.Tests.Sources.Kinesis;

/// <summary>
/// kinesalite (npm, installed under tools/) on 127.0.0.1 at a free port, in memory, with no delays for
/// stream creation or resharding. Started once for the collection and killed at its end.
/// </summary>
public sealed class KinesaliteFixture : IAsyncLifetime
{
    private readonly Channel<string> _output = Channel.CreateUnbounded<string>();
    private readonly SemaphoreSlim _clockLock = new(1, 1);
    private Process? _process;

    public Uri Endpoint { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var tools = Path.Combine(RepositoryRoot.Path, "tools");
        // Idempotent and quick when tools/node_modules is already installed and current.
        await RunAsync("bash", [Path.Combine(tools, "install.sh")], tools);

        var port = FreePort();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = tools,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "kinesalite.js", "--port", port.ToString(), "--createStreamMs", "0", "--deleteStreamMs", "0", "--updateStreamMs", "0", "--shardLimit", "1000" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        _process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                _output.Writer.TryWrite(line.Data);
            }
        };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        await WaitForLineAsync("Listening at", TimeSpan.FromSeconds(30));
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>Moves kinesalite's clock forward; returns once requests see the new time.</summary>
    public async Task AdvanceClockAsync(TimeSpan by)
    {
        await _clockLock.WaitAsync();
        try
        {
            await _process!.StandardInput.WriteLineAsync($"advance {(long)by.TotalMilliseconds}");
            await _process.StandardInput.FlushAsync();
            await WaitForLineAsync("advanced", TimeSpan.FromSeconds(10));
        }
        finally
        {
            _clockLock.Release();
        }
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    private async Task WaitForLineAsync(string start, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (true)
        {
            var line = await _output.Reader.ReadAsync(cancellation.Token);
            if (line.StartsWith(start, StringComparison.Ordinal))
            {
                return;
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, string[] arguments, string directory)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class KinesaliteCollection : ICollectionFixture<KinesaliteFixture>
{
    public const string Name = "kinesalite";
}
