using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Pipeline.Actors.Lake;

namespace Pipeline.Actors.Tests.Lake;

/// <summary>
/// s3rver (npm, installed under tools/ by <c>npm ci --prefix tools</c>) on 127.0.0.1 with a free port
/// and its own temporary folder, which survives a stop and restart like a real bucket would.
/// </summary>
internal sealed class S3rver : IDisposable
{
    public const string Bucket = "lake";
    public static readonly AWSCredentials Credentials = new BasicAWSCredentials("S3RVER", "S3RVER");

    private readonly string _folder = Directory.CreateTempSubdirectory("s3rver-").FullName;
    private readonly int _port = FreePort();
    private Process? _process;

    public string Endpoint => $"http://127.0.0.1:{_port}";

    public S3LakeSettings Settings(string prefix = "") =>
        LakeSettings.FromConfig(Akka.Configuration.ConfigurationFactory.Empty).S3 with
        {
            Bucket = Bucket,
            Prefix = prefix,
            Endpoint = Endpoint,
            PathStyle = true,
            SdkMaxRetries = 1,
            RequestTimeout = TimeSpan.FromSeconds(5),
        };

    public async Task StartAsync()
    {
        var script = Path.Combine(RepositoryRoot(), "tools", "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(script))
            throw new InvalidOperationException($"s3rver is not installed: run `npm ci --prefix tools` ({script} is missing)");
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { script, "-d", _folder, "-a", "127.0.0.1", "-p", _port.ToString(), "--silent", "--configure-bucket", Bucket },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, _port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    public void Stop()
    {
        if (_process is null)
            return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        Stop();
        Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Pipeline.sln")))
                return folder.FullName;
        }

        throw new InvalidOperationException("Pipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
