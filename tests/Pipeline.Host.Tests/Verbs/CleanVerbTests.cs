using System.Text.Json;
using Xunit;

namespace Pipeline.Host.Tests.Verbs;

public sealed class CleanVerbTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pipeline-clean-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Cleans_the_real_pin_rows_to_a_file_in_the_contracts_field_order()
    {
        var output = Path.Combine(_folder, "pin.clean.jsonl");
        var quarantine = Path.Combine(_folder, "pin.quarantine.jsonl");

        var run = await VerbRun.Of("clean", "--table", "pin", "--in", SharedData.PathOf("pin.jsonl"), "--out", output, "--quarantine", quarantine);

        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(output);
        Assert.Equal(File.ReadLines(SharedData.PathOf("pin.jsonl")).Count(), lines.Length);
        Assert.Empty(File.ReadAllLines(quarantine));
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(
            ["ind", "unique_id", "title", "description", "follower_count", "poster_name", "tag_list", "is_image_or_video", "image_src", "save_location", "category", "downloaded"],
            first.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Contains($"pin clean {lines.Length}", run.Error.Split('\n').Select(l => l.Trim()));
    }

    [Fact]
    public async Task Reads_stdin_writes_stdout_and_quarantines_with_a_reason()
    {
        const string input = """
            {"ind": 7, "first_name": "Ada", "last_name": "Lovelace", "age": "36", "date_joined": "2015-10-21 21:26:45"}
            not json at all

            {"first_name": "No", "last_name": "Index"}
            """;

        var run = await VerbRun.WithInput(input, "clean", "--table", "user", "--in", "-");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("""{"ind":7,"user_name":"Ada Lovelace","age":36,"date_joined":"2015-10-21T21:26:45Z"}""", run.Out.Trim());
        Assert.Contains("\"reason\":\"malformed_json\"", run.Error);
        Assert.Contains("\"reason\":\"missing_index\"", run.Error);
        Assert.Contains("user quarantined malformed_json 1", run.Error);
        Assert.Contains("user quarantined missing_index 1", run.Error);
    }

    [Theory]
    [InlineData("clean", "--in", "x.jsonl")]
    [InlineData("clean", "--table", "post", "--in", "x.jsonl")]
    [InlineData("clean", "--table", "pin")]
    [InlineData("clean", "--table", "pin", "--in", "x", "--bogus")]
    public async Task Usage_errors_exit_2_with_one_line(params string[] args)
    {
        var run = await VerbRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.StartsWith("pipeline clean: ", run.Error);
    }

    [Fact]
    public async Task A_missing_input_file_exits_1_with_one_line()
    {
        var run = await VerbRun.Of("clean", "--table", "geo", "--in", Path.Combine(_folder, "absent.jsonl"));

        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Help_describes_the_verb()
    {
        var run = await VerbRun.Of("clean", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--quarantine FILE", run.Out);
    }
}
