using Xunit;

namespace Pipeline.Host.Tests.Verbs;

public sealed class EmulateVerbTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pipeline-emulate-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Out(string name) => Path.Combine(_folder, name);

    [Fact]
    public async Task Synthetic_posts_are_the_same_for_the_same_seed_and_differ_for_another()
    {
        var first = await VerbRun.Of("emulate", "--seed", "7", "--posts", "300", "--start", "2020-01-01T00:00:00Z", "--out", Out("a"));
        await VerbRun.Of("emulate", "--seed", "7", "--posts", "300", "--start", "2020-01-01T00:00:00Z", "--out", Out("b"));
        await VerbRun.Of("emulate", "--seed", "8", "--posts", "300", "--start", "2020-01-01T00:00:00Z", "--out", Out("c"));

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("wrote 300 posts", first.Error);
        foreach (var table in new[] { "pin", "geo", "user" })
        {
            var a = File.ReadAllBytes(Path.Combine(Out("a"), $"{table}.jsonl"));
            Assert.Equal(a, File.ReadAllBytes(Path.Combine(Out("b"), $"{table}.jsonl")));
            Assert.NotEqual(a, File.ReadAllBytes(Path.Combine(Out("c"), $"{table}.jsonl")));
            Assert.Equal(300, File.ReadAllLines(Path.Combine(Out("a"), $"{table}.jsonl")).Length);
        }
    }

    [Fact]
    public async Task Replay_in_the_original_order_starts_with_the_seeded_picks()
    {
        var run = await VerbRun.Of("emulate", "--replay", SharedData.Directory, "--shuffle", "--posts", "4", "--out", Out("r"));

        Assert.Equal(0, run.ExitCode);
        var geo = File.ReadAllLines(Path.Combine(Out("r"), "geo.jsonl"));
        Assert.Equal(4, geo.Length);
        Assert.Equal(["7528", "2863", "5730", "8304"], geo.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("ind").GetRawText()));
    }

    [Fact]
    public async Task Replay_in_file_order_reproduces_the_geo_file()
    {
        var run = await VerbRun.Of("emulate", "--replay", SharedData.Directory, "--out", Out("f"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(File.ReadAllLines(SharedData.PathOf("geo.jsonl")), File.ReadAllLines(Path.Combine(Out("f"), "geo.jsonl")));
    }

    [Theory]
    [InlineData("emulate", "--shuffle")]
    [InlineData("emulate", "--replay", "/nonexistent-folder")]
    [InlineData("emulate", "--replay", ".", "--shuffle")]
    [InlineData("emulate", "--replay", ".", "--seed", "3")]
    [InlineData("emulate", "--posts", "0")]
    [InlineData("emulate", "--malformed-rate", "2")]
    [InlineData("emulate", "--start", "yesterday")]
    public async Task Usage_errors_exit_2_with_one_line(params string[] args)
    {
        var run = await VerbRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
    }
}
