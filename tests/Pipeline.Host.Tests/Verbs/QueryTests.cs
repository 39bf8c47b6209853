using System.Net;
using System.Text.Json;
using Xunit;

namespace Pipeline.Host.Tests.Verbs;

/// <summary>The query API over live state and <c>pipeline query</c>, against a running engine fed by the emulator.</summary>
public class QueryTests
{
    [Fact]
    public async Task Profiles_categories_leaderboards_and_metrics_answer_and_bad_questions_are_refused()
    {
        await using var engine = await RunningEngine.StartAsync();
        var posted = await VerbRun.Of("emulate", "--seed", "3", "--posts", "150", "--rate", "0", "--malformed-rate", "0", "--start", "2021-03-01T00:00:00Z", "--target", engine.Address);
        Assert.Equal(0, posted.ExitCode);
        await engine.WhenProcessed(450);
        await engine.WhenCommitted();

        var top = await VerbRun.Of("query", "--url", engine.Address, "--top-profiles", "--top", "3");
        Assert.Equal(0, top.ExitCode);
        using var board = JsonDocument.Parse(top.Out);
        var leader = board.RootElement.GetProperty("profiles")[0];
        var name = leader.GetProperty("poster_name").GetString()!;

        var profile = await VerbRun.Of("query", "--url", engine.Address, "--profile", name);
        Assert.Equal(0, profile.ExitCode);
        using (var view = JsonDocument.Parse(profile.Out))
        {
            Assert.Equal(name, view.RootElement.GetProperty("poster_name").GetString());
            Assert.Equal(leader.GetProperty("posts").GetInt32(), view.RootElement.GetProperty("posts").GetInt32());
            var category = view.RootElement.GetProperty("categories").EnumerateObject().First().Name;
            var categoryView = await VerbRun.Of("query", "--url", engine.Address, "--category", category);
            Assert.Equal(0, categoryView.ExitCode);
            Assert.True(JsonDocument.Parse(categoryView.Out).RootElement.GetProperty("posts").GetInt64() >= 1);
        }

        var metrics = await VerbRun.Of("query", "--url", engine.Address, "--metrics");
        Assert.Contains("median_followers_by_age_group_and_join_year", metrics.Out);
        var years = await VerbRun.Of("query", "--url", engine.Address, "--metric", "category_by_year", "--post-years", "2021-2021");
        Assert.Equal(0, years.ExitCode);
        Assert.All(JsonDocument.Parse(years.Out).RootElement.GetProperty("rows").EnumerateArray(), row => Assert.Equal(2021, row[0].GetInt32()));

        var unknown = await VerbRun.Of("query", "--url", engine.Address, "--profile", "nobody posts as this");
        Assert.Equal(1, unknown.ExitCode);
        Assert.StartsWith("pipeline query: 404 ", unknown.Error);
        Assert.Equal(HttpStatusCode.BadRequest, (await engine.Http.GetAsync("/api/leaderboards/profiles?top=lots")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await engine.Http.GetAsync("/api/leaderboards/categories?window=2h")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await engine.Http.GetAsync("/api/metrics/category_by_year?post_years=2022-2018")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await engine.Http.GetAsync("/api/metrics/nope")).StatusCode);
    }

    [Theory]
    [InlineData("query")]
    [InlineData("query", "--metrics", "--profile", "x")]
    [InlineData("query", "--metrics", "--url", "ftp://x")]
    public async Task Usage_errors_exit_2(params string[] args) => Assert.Equal(2, (await VerbRun.Of(args)).ExitCode);
}
