using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace Pipeline.Host.Tests.Verbs;

public class RunVerbTests
{
    [Fact]
    public async Task Emulated_posts_go_through_the_embedded_kafka_and_the_cleaning_stages()
    {
        using var folder = new EngineFolder();

        var run = await VerbRun.Of("run", "--urls", "http://127.0.0.1:0", "--config", folder.Config, "--emulate", "--posts", "200", "--rate", "0", "--seed", "11");

        Assert.Equal(0, run.ExitCode);
        var raw = Directory.GetFiles(Path.Combine(folder.Lake, "topics"), "*.json", SearchOption.AllDirectories);
        Assert.Equal(600, raw.Sum(file => File.ReadAllLines(file).Length));
        Assert.All(raw, file => Assert.Matches(@"topics/emulator\.(pin|geo|user)/partition=\d+/emulator\.(pin|geo|user)\+\d+\+\d{10}\.json$", file));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder.Lake, "tables"), "*.parquet", SearchOption.AllDirectories));
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
        await using var engine = await RunningEngine.StartAsync();
        var pin = new StringContent("""{"records":[{"value":{"index":7528,"follower_count":"10k","poster_name":"Bored Panda","category":"art"}}]}""");
        pin.Headers.ContentType = MediaTypeHeaderValue.Parse("application/vnd.kafka.json.v2+json");
        Assert.True((await engine.Http.PostAsync("/topics/0a1b2c3d4e5f.pin", pin)).IsSuccessStatusCode);
        var geo = new StringContent("""{"StreamName":"streaming-0a1b2c3d4e5f-geo","Data":{"ind":7528,"timestamp":"2020-08-28 03:52:47","latitude":1,"longitude":2,"country":"Chad"},"PartitionKey":"p"}""",
            Encoding.UTF8, "application/json");
        Assert.True((await engine.Http.PutAsync("/streams/streaming-0a1b2c3d4e5f-geo/record", geo)).IsSuccessStatusCode);

        var committed = await engine.Eventually(async () =>
        {
            using var status = JsonDocument.Parse(await engine.Http.GetStringAsync("/api/status"));
            var cleaning = status.RootElement.GetProperty("cleaning");
            var partitions = status.RootElement.GetProperty("kafka").GetProperty("partitions").EnumerateArray()
                .Where(p => p.GetProperty("committed").ValueKind == JsonValueKind.Number)
                .Select(p => p.GetProperty("topic").GetString())
                .ToHashSet();
            return cleaning.GetProperty("pin").TryGetProperty("clean", out _) && cleaning.GetProperty("geo").TryGetProperty("clean", out _)
                && partitions.SetEquals(["0a1b2c3d4e5f.pin", "0a1b2c3d4e5f.geo"]) ? partitions : null;
        });
        Assert.Equal(2, committed.Count);

        using (var streams = JsonDocument.Parse(await engine.Http.GetStringAsync("/streams")))
        {
            Assert.Equal(["streaming-0a1b2c3d4e5f-geo", "streaming-0a1b2c3d4e5f-pin"],
                streams.RootElement.GetProperty("StreamNames").EnumerateArray().Select(s => s.GetString()));
        }

        Assert.Equal(0, await engine.StopAsync());
        Assert.Contains("pin clean 1", engine.Error);
        Assert.Contains("geo clean 1", engine.Error);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_emulator_posts_to_a_running_engine_in_the_original_request_shapes(bool kinesis)
    {
        await using var engine = await RunningEngine.StartAsync();
        string[] args = ["emulate", "--seed", "5", "--posts", "40", "--rate", "0", "--malformed-rate", "0.05", "--target", engine.Address];

        var run = await VerbRun.Of(kinesis ? [.. args, "--kinesis"] : args);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("sent 40 posts (120 records)", run.Error);
        var status = await engine.WhenProcessed(120);
        var quarantined = status.GetProperty("cleaning").EnumerateObject()
            .SelectMany(table => table.Value.EnumerateObject())
            .Where(count => count.Name.StartsWith("quarantined.", StringComparison.Ordinal))
            .Sum(count => count.Value.GetInt64());
        Assert.InRange(quarantined, 1, 20);
    }

    [Fact]
    public async Task Posting_to_a_target_that_is_not_there_exits_1_with_one_line()
    {
        var run = await VerbRun.Of("emulate", "--posts", "1", "--target", "http://127.0.0.1:9");

        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'), l => l.StartsWith("pipeline emulate:", StringComparison.Ordinal));
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
}
