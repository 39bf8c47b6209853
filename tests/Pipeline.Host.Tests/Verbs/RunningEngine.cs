using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Host.Cli;

namespace Pipeline.Host.Tests.Verbs;

/// <summary><c>pipeline run</c> on a free port, for tests that talk to it over HTTP: in-process
/// (<see cref="StartAsync"/>), or as a real child process with its own environment variables
/// (<see cref="StartProcessAsync"/>, for settings that only the environment carries).</summary>
public sealed class RunningEngine : IAsyncDisposable
{
    private readonly SynchronizedWriter _error = new();
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromMinutes(3));
    private readonly Task<int> _running;
    private readonly Process? _process;

    private readonly EngineFolder? _folder;

    private RunningEngine(string[] extraArgs, IReadOnlyDictionary<string, string>? environment)
    {
        if (!extraArgs.Contains("--config"))
        {
            _folder = new EngineFolder();
            extraArgs = [.. extraArgs, "--config", _folder.Config];
        }

        string[] args = ["run", "--urls", "http://127.0.0.1:0", .. extraArgs];
        if (environment is null)
        {
            var terminal = new Terminal(TextWriter.Null, _error, () => Stream.Null, () => Stream.Null);
            _running = new CommandLine(Pipeline.Host.Verbs.Verbs.All).RunAsync(args, terminal, _stop.Token);
            return;
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pipeline.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start pipeline.dll");
        _process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
                _error.Write(line.Data + Environment.NewLine);
        };
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        _running = ExitCodeAsync(_process);
        // Stopping a real process is what Kubernetes does: SIGTERM, then it drains and exits.
        _stop.Token.Register(() =>
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
        });
    }

    public string Address { get; private set; } = "";

    public HttpClient Http { get; private set; } = null!;

    public string Error => _error.Text;

    /// <summary>The lake folder of this run, when the engine made its own folder.</summary>
    public string? Lake => _folder?.Lake;

    public static Task<RunningEngine> StartAsync(params string[] extraArgs) => StartAsync(extraArgs, null);

    /// <summary>Runs <c>dotnet pipeline.dll run ...</c> with <paramref name="environment"/> added to
    /// this process's environment.</summary>
    public static Task<RunningEngine> StartProcessAsync(IReadOnlyDictionary<string, string> environment, params string[] extraArgs) =>
        StartAsync(extraArgs, environment);

    private static async Task<RunningEngine> StartAsync(string[] extraArgs, IReadOnlyDictionary<string, string>? environment)
    {
        var engine = new RunningEngine(extraArgs, environment);
        engine.Address = await engine.Eventually(() => Task.FromResult(
            Regex.Match(engine.Error, @"API on (http://\S+)") is { Success: true } m ? m.Groups[1].Value : null));
        engine.Http = new HttpClient { BaseAddress = new Uri(engine.Address) };
        return engine;
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

    /// <summary>Stops the engine as Ctrl+C (or, for a process, SIGTERM) does and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        if (_process is null)
            return await _running;
        try
        {
            return await _running.WaitAsync(TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"pipeline run did not stop within 90 s of SIGTERM: {Error}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_running.IsCompleted)
            await StopAsync();
        Http?.Dispose();
        _stop.Dispose();
        _process?.Dispose();
        _folder?.Dispose();
    }

    private static async Task<int> ExitCodeAsync(Process process)
    {
        await process.WaitForExitAsync();
        return process.ExitCode;
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
