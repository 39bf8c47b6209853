using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Host.Cli;

namespace Pipeline.Host.Tests.Verbs;

/// <summary><c>pipeline run</c> for tests that talk to it over HTTP: started in-process on a free
/// port, or as a process of its own with its own environment variables (as in a pod).</summary>
public sealed class RunningEngine : IAsyncDisposable
{
    private readonly SynchronizedWriter _error = new();
    private readonly SynchronizedWriter _output = new();
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromMinutes(3));
    private readonly EngineFolder? _folder;
    private Task<int> _running = Task.FromResult(0);
    private Process? _process;

    private RunningEngine(EngineFolder? folder)
    {
        _folder = folder;
    }

    public string Address { get; private set; } = "";

    public HttpClient Http { get; private set; } = null!;

    public string Error => _error.Text;

    /// <summary>What a process of its own wrote to stdout (Akka's log).</summary>
    public string Output => _output.Text;

    /// <summary>The lake folder of this run, when the engine made its own folder.</summary>
    public string? Lake => _folder?.Lake;

    /// <summary>The folder of this run (lake, journal), when the engine made its own folder.</summary>
    public string? Folder => _folder?.Root;

    /// <summary>The processor time a process of its own used so far, all its threads.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process!.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<RunningEngine> StartAsync(params string[] extraArgs)
    {
        var args = WithConfig(extraArgs, out var folder);
        var engine = new RunningEngine(folder);
        var terminal = new Terminal(TextWriter.Null, engine._error, () => Stream.Null, () => Stream.Null);
        engine._running = new CommandLine(Pipeline.Host.Verbs.Verbs.All).RunAsync(["run", "--urls", "http://127.0.0.1:0", .. args], terminal, engine._stop.Token);
        engine.Address = await engine.Eventually(() => Task.FromResult(
            Regex.Match(engine.Error, @"API on (http://\S+)") is { Success: true } m ? m.Groups[1].Value : null));
        engine.Http = new HttpClient { BaseAddress = new Uri(engine.Address) };
        return engine;
    }

    /// <summary>Starts <c>pipeline run</c> as a process of its own on a free HTTP port, with
    /// <paramref name="environment"/> added to this process's variables; returns at once, before the
    /// engine is up (poll <c>/healthz/*</c> to wait for it).</summary>
    public static RunningEngine StartProcess(IReadOnlyDictionary<string, string> environment, params string[] extraArgs)
    {
        var args = WithConfig(extraArgs, out var folder);
        var engine = new RunningEngine(folder) { Address = $"http://127.0.0.1:{FreePort()}" };
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "pipeline.dll"), "run", "--urls", engine.Address }.Concat(args))
            start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
                engine._error.Write(line.Data + Environment.NewLine);
        };
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null)
                engine._output.Write(line.Data + Environment.NewLine);
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        engine._process = process;
        engine._running = process.WaitForExitAsync().ContinueWith(_ => process.ExitCode, TaskScheduler.Default);
        engine.Http = new HttpClient { BaseAddress = new Uri(engine.Address) };
        return engine;
    }

    /// <summary>Starts <c>pipeline run</c> as a process of its own (<see cref="StartProcess"/>) and
    /// waits until it is ready; throws when it exits first.</summary>
    public static async Task<RunningEngine> StartProcessAsync(IReadOnlyDictionary<string, string> environment, params string[] extraArgs)
    {
        var engine = StartProcess(environment, extraArgs);
        try
        {
            await engine.Eventually(async () => await engine.StatusOf("/healthz/ready") == 200 ? "ready" : null);
            return engine;
        }
        catch
        {
            await engine.DisposeAsync();
            throw;
        }
    }

    /// <summary>A TCP port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The status code of a GET, or 0 while nothing answers.</summary>
    public async Task<int> StatusOf(string path)
    {
        try
        {
            using var response = await Http.GetAsync(path);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    private static string[] WithConfig(string[] extraArgs, out EngineFolder? folder)
    {
        folder = extraArgs.Contains("--config") ? null : new EngineFolder();
        return folder is null ? extraArgs : [.. extraArgs, "--config", folder.Config];
    }

    /// <summary>Waits until the clean and quarantined counts of <c>/api/status</c> add up to <paramref name="records"/>.</summary>
    public Task<JsonElement> WhenProcessed(long records) => Eventually(async () =>
    {
        using var status = JsonDocument.Parse(await Http.GetStringAsync("/api/status"));
        var total = status.RootElement.GetProperty("cleaning").EnumerateObject()
            .SelectMany(table => table.Value.EnumerateObject())
            .Where(count => count.Name == "clean" || count.Name.StartsWith("quarantined.", StringComparison.Ordinal))
            .Sum(count => count.Value.GetInt64());
        return total >= records ? (JsonElement?)status.RootElement.Clone() : null;
    }).ContinueWith(t => t.Result!.Value, TaskScheduler.Default);

    /// <summary>Waits until every partition's committed offset reached its end: every record is
    /// durable in every consumer (the lake and live state).</summary>
    public Task WhenCommitted() => Eventually(async () =>
    {
        using var status = JsonDocument.Parse(await Http.GetStringAsync("/api/status"));
        var partitions = status.RootElement.GetProperty("kafka").GetProperty("partitions").EnumerateArray().ToList();
        var done = partitions.Count > 0 && partitions.All(p =>
            p.GetProperty("high_watermark").ValueKind == JsonValueKind.Number
            && p.GetProperty("committed").ValueKind == JsonValueKind.Number
            && p.GetProperty("committed").GetInt64() >= p.GetProperty("high_watermark").GetInt64());
        return done ? "committed" : null;
    });

    public async Task<T> Eventually<T>(Func<Task<T?>> probe)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_running.IsCompleted)
                throw new InvalidOperationException($"pipeline run ended early with {await _running}: {Error}");
            if (await probe() is { } value)
                return value;
            await Task.Delay(100);
        }

        throw new TimeoutException($"the engine did not get there within 60 s: {Error}");
    }

    /// <summary>Stops the engine as Ctrl+C does (SIGTERM for a process) and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (_process is null)
        {
            await _stop.CancelAsync();
            return await _running;
        }

        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        return await _running.WaitAsync(TimeSpan.FromSeconds(150));
    }

    /// <summary>Kills the process at once (SIGKILL), as a crash or a lost machine: no drain, no
    /// commit, no leave; returns once it is gone.</summary>
    public async Task KillAsync()
    {
        _process!.Kill(entireProcessTree: true);
        await _running;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_running.IsCompleted)
                await StopAsync();
        }
        finally
        {
            if (_process is { HasExited: false })
                _process.Kill(entireProcessTree: true);
            _process?.Dispose();
            Http?.Dispose();
            _stop.Dispose();
            _folder?.Dispose();
        }
    }

    /// <summary>The verb writes progress from a timer thread while the test reads.</summary>
    private sealed class SynchronizedWriter : StringWriter
    {
        public string Text
        {
            get { lock (this) return ToString(); }
        }

        public override void Write(char value)
        {
            lock (this) base.Write(value);
        }

        public override void Write(string? value)
        {
            lock (this) base.Write(value);
        }

        public override Task WriteAsync(string? value)
        {
            Write(value);
            return Task.CompletedTask;
        }

        public override Task WriteLineAsync(string? value)
        {
            Write(value + Environment.NewLine);
            return Task.CompletedTask;
        }
    }
}
