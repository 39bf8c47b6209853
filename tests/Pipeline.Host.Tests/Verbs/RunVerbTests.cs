using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Host.Cli;
using Xunit;

namespace Pipeline.Host.Tests.Verbs;

public class RunVerbTests
{
    [Fact]
    public async Task Emulated_posts_go_through_the_embedded_kafka_and_the_cleaning_stages()
    {
        var run = await VerbRun.Of("run", "--urls", "http://127.0.0.1:0", "--emulate", "--posts", "200", "--rate", "0", "--seed", "11");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("embedded Kafka", run.Error);
        var lines = run.Error.Split('\n').Select(l => l.Trim()).ToList();
        var outcomes = lines
            .Where(l => Regex.IsMatch(l, @"^(pin|geo|user) (clean|quarantined \w+) \d+$"))
            .Sum(l => long.Parse(l.Split(' ')[^1]));
        Assert.Equal(600, outcomes);
    }

    [Fact]
    public async Task Records_posted_over_http_in_both_shapes_are_consumed_cleaned_and_committed()
    {
        var error = new SynchronizedWriter();
        var terminal = new Terminal(TextReader.Null, TextWriter.Null, error, () => Stream.Null, () => Stream.Null);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var running = new CommandLine(Pipeline.Host.Verbs.Verbs.All).RunAsync(["run", "--urls", "http://127.0.0.1:0"], terminal, stop.Token);

        var address = await Eventually(() => Regex.Match(error.Text, @"API on (http://\S+)") is { Success: true } m ? m.Groups[1].Value : null, running);
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var pin = new StringContent("""{"records":[{"value":{"index":7528,"follower_count":"10k","poster_name":"Bored Panda","category":"art"}}]}""");
        pin.Headers.ContentType = MediaTypeHeaderValue.Parse("application/vnd.kafka.json.v2+json");
        Assert.True((await http.PostAsync("/topics/0a1b2c3d4e5f.pin", pin)).IsSuccessStatusCode);
        var geo = new StringContent("""{"StreamName":"streaming-0a1b2c3d4e5f-geo","Data":{"ind":7528,"timestamp":"2020-08-28 03:52:47","latitude":1,"longitude":2,"country":"Chad"},"PartitionKey":"p"}""",
            Encoding.UTF8, "application/json");
        Assert.True((await http.PutAsync("/streams/streaming-0a1b2c3d4e5f-geo/record", geo)).IsSuccessStatusCode);

        var committed = await Eventually(async () =>
        {
            using var status = JsonDocument.Parse(await http.GetStringAsync("/api/status"));
            var cleaning = status.RootElement.GetProperty("cleaning");
            var partitions = status.RootElement.GetProperty("kafka").GetProperty("partitions").EnumerateArray()
                .Where(p => p.GetProperty("committed").ValueKind == JsonValueKind.Number)
                .Select(p => p.GetProperty("topic").GetString())
                .ToHashSet();
            return cleaning.GetProperty("pin").TryGetProperty("clean", out _) && cleaning.GetProperty("geo").TryGetProperty("clean", out _)
                && partitions.SetEquals(["0a1b2c3d4e5f.pin", "0a1b2c3d4e5f.geo"]) ? partitions : null;
        }, running);
        Assert.Equal(2, committed.Count);

        using (var streams = JsonDocument.Parse(await http.GetStringAsync("/streams")))
        {
            Assert.Equal(["streaming-0a1b2c3d4e5f-geo", "streaming-0a1b2c3d4e5f-pin"],
                streams.RootElement.GetProperty("StreamNames").EnumerateArray().Select(s => s.GetString()));
        }

        await stop.CancelAsync();
        Assert.Equal(0, await running);
        Assert.Contains("pin clean 1", error.Text);
        Assert.Contains("geo clean 1", error.Text);
    }

    [Fact]
    public async Task A_missing_config_file_exits_1()
    {
        var run = await VerbRun.Of("run", "--config", "/nonexistent/overlay.conf");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("does not exist", run.Error);
    }

    [Fact]
    public async Task Emulator_options_without_emulate_are_usage_errors()
    {
        Assert.Equal(2, (await VerbRun.Of("run", "--posts", "3")).ExitCode);
    }

    private static Task<T> Eventually<T>(Func<T?> probe, Task running) where T : class => Eventually(() => Task.FromResult(probe()), running);

    private static async Task<T> Eventually<T>(Func<Task<T?>> probe, Task running) where T : class
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (running.IsCompleted)
                throw new InvalidOperationException($"pipeline run ended early with {await (Task<int>)running}");
            if (await probe() is { } value)
                return value;
            await Task.Delay(100);
        }

        throw new TimeoutException("the engine did not get there within 60 s");
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
