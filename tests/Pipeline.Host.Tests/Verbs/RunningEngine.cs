using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Host.Cli;

namespace Pipeline.Host.Tests.Verbs;

/// <summary><c>pipeline run</c> started in-process on a free port, for tests that talk to it over HTTP.</summary>
public sealed class RunningEngine : IAsyncDisposable
{
    private readonly SynchronizedWriter _error = new();
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromMinutes(3));
    private readonly Task<int> _running;

    private readonly EngineFolder? _folder;

    private RunningEngine(string[] extraArgs)
    {
        if (!extraArgs.Contains("--config"))
        {
            _folder = new EngineFolder();
            extraArgs = [.. extraArgs, "--config", _folder.Config];
        }

        var terminal = new Terminal(TextWriter.Null, _error, () => Stream.Null, () => Stream.Null);
        _running = new CommandLine(Pipeline.Host.Verbs.Verbs.All).RunAsync(["run", "--urls", "http://127.0.0.1:0", .. extraArgs], terminal, _stop.Token);
    }

    public string Address { get; private set; } = "";

    public HttpClient Http { get; private set; } = null!;

    public string Error => _error.Text;

    /// <summary>The lake folder of this run, when the engine made its own folder.</summary>
    public string? Lake => _folder?.Lake;

    public static async Task<RunningEngine> StartAsync(params string[] extraArgs)
    {
        var engine = new RunningEngine(extraArgs);
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

    /// <summary>Stops the engine as Ctrl+C does and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await _running;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_running.IsCompleted)
            await StopAsync();
        Http?.Dispose();
        _stop.Dispose();
        _folder?.Dispose();
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
