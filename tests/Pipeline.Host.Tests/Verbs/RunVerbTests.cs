using Xunit;

namespace Pipeline.Host.Tests.Verbs;

public class RunVerbTests
{
    [Fact]
    public async Task Runs_the_emulated_posts_through_the_cleaning_stages_and_reports_counts_per_reason()
    {
        var run = await VerbRun.Of("run", "--posts", "200", "--rate", "0", "--seed", "11");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Error.Split('\n').Select(l => l.Trim()).ToList();
        var clean = new[] { "pin", "geo", "user" }
            .Select(t => lines.Single(l => l.StartsWith($"{t} clean ", StringComparison.Ordinal)))
            .Sum(l => long.Parse(l.Split(' ')[^1]));
        var quarantined = lines.Where(l => l.Contains(" quarantined ", StringComparison.Ordinal) && !l.Contains(',')).Sum(l => long.Parse(l.Split(' ')[^1]));
        Assert.Equal(600, clean + quarantined);
    }

    [Fact]
    public async Task A_missing_config_file_exits_1()
    {
        var run = await VerbRun.Of("run", "--config", "/nonexistent/overlay.conf");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("does not exist", run.Error);
    }
}
