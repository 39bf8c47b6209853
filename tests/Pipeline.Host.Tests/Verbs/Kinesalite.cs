using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Pipeline.Host.Tests.Verbs;

/// <summary>kinesalite from tools/ on a free 127.0.0.1 port, in memory, for one test.</summary>
public sealed class Kinesalite : IDisposable
{
    private readonly Process _process;

    private Kinesalite(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public static async Task<Kinesalite> StartAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var start = new ProcessStartInfo("node") { WorkingDirectory = Tools.Folder, RedirectStandardOutput = true, RedirectStandardInput = true };
        foreach (var argument in new[] { "kinesalite.js", "--port", port.ToString(), "--createStreamMs", "0", "--deleteStreamMs", "0", "--updateStreamMs", "0" })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains("Listening at", StringComparison.Ordinal))
                return new Kinesalite(process, new Uri($"http://127.0.0.1:{port}/"));
        }

        throw new InvalidOperationException("kinesalite ended before it listened");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
