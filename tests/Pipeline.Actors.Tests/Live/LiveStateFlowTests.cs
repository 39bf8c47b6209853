using Pipeline.Actors.Live;
using Pipeline.Actors.Records;
using Xunit;
using static Pipeline.Actors.Tests.Live.TestRecords;

namespace Pipeline.Actors.Tests.Live;

public sealed class LiveStateFlowTests : LiveTestKit
{

    /// <summary>Seven posts whose metrics are worked out by hand in the assertions below.</summary>
    private static IReadOnlyList<ICleanRecord> HandInput()
    {
        (long Ind, string Poster, long? Followers, string Category, string Country, int Year, string User, int Age, int Joined)[] posts =
        [
            (1, "ann", 100, "art", "Chad", 2019, "Ann A", 20, 2015),
            (2, "bob", 300, "art", "Chad", 2019, "Bob B", 30, 2016),
            (3, "ann", 150, "food", "Peru", 2020, "Ann A", 20, 2015),
            (4, "cat", 300, "food", "Peru", 2020, "Cat C", 40, 2016),
            (5, "dan", null, "food", "Peru", 2021, "Dan D", 60, 2017),
            (6, "eve", 50, "travel", "Chad", 2017, "Eve E", 16, 2018),
            (7, "bob", 300, "travel", "Mali", 2022, "Bob B", 30, 2016),
        ];
        // Geo first, then users, then pins newest first: every post completes on its pin.
        return posts.Select(p => (ICleanRecord)Geo(p.Ind, p.Country, Year(p.Year)))
            .Concat(posts.Select(p => User(p.Ind, p.User, p.Age, Year(p.Joined, 3))))
            .Concat(posts.Select(p => Pin(p.Ind, p.Poster, p.Followers, p.Category)).Reverse())
            .ToList();
    }

    private static List<Cleaned> Positioned(IEnumerable<ICleanRecord> records) =>
        records.Select((record, offset) => (Cleaned)TestRecords.Cleaned(record, At(offset, TimeSpan.FromSeconds(offset)))).ToList();

    [Fact]
    public async Task The_metrics_of_a_small_input_are_the_hand_computed_ones()
    {
        var run = new LiveRun(Sys, await LiveTestSystem.StartAsync(Sys));
        var positions = await run.RunAsync(Positioned(HandInput()));

        Assert.Equal("20", positions[^1].Offset);
        var metrics = (await run.MetricsAsync()).ToDictionary(table => table.Metric);
        void Expect(string metric, params object?[][] rows) =>
            Assert.Equal(ReferenceMetrics.Render(new MetricTable(metric, MetricNames.Columns[metric], rows)), ReferenceMetrics.Render(metrics[metric]));

        Expect(MetricNames.CategoryByCountry, ["Chad", "art", 2L], ["Mali", "travel", 1L], ["Peru", "food", 3L]);
        Expect(MetricNames.CategoryByYear, [2019L, "art", 2L], [2020L, "food", 2L], [2021L, "food", 1L], [2022L, "travel", 1L]);
        Expect(MetricNames.TopUserByCountry, ["Chad", "bob", 300L], ["Mali", "bob", 300L], ["Peru", "cat", 300L]);
        Expect(MetricNames.TopCountry, ["Chad", "bob", 300L]);
        Expect(MetricNames.CategoryByAgeGroup, ["18-24", "art", 1L], ["25-35", "art", 1L], ["36-50", "food", 1L], ["50+", "food", 1L]);
        Expect(MetricNames.MedianFollowersByAgeGroup, ["18-24", 100L], ["25-35", 300L], ["36-50", 300L]);
        Expect(MetricNames.UsersJoinedByYear, [2015L, 1L], [2016L, 2L], [2017L, 1L], [2018L, 1L]);
        Expect(MetricNames.MedianFollowersByJoinYear, [2015L, 100L], [2016L, 300L], [2018L, 50L]);
        Expect(MetricNames.MedianFollowersByAgeGroupAndJoinYear, ["18-24", 2015L, 100L], ["25-35", 2016L, 300L], ["36-50", 2016L, 300L]);
        Assert.Equal(ReferenceMetrics.Compute(HandInput()).Select(ReferenceMetrics.Render), metrics.Values.Select(ReferenceMetrics.Render));

        var ann = await run.Queries.ProfileAsync("ann");
        Assert.NotNull(ann);
        // Pins arrive newest post first, so post 1 (100 followers) is ann's latest arrival.
        Assert.Equal((100L, 2, 2, 2), (ann.FollowerCount!.Value, ann.Posts, ann.PostsLast1h, ann.PostsLast7d));
        Assert.Equal(new Dictionary<string, int> { ["art"] = 1, ["food"] = 1 }, ann.Categories);
        Assert.Null(await run.Queries.ProfileAsync("nobody"));

        var food = await run.Queries.CategoryAsync("food");
        Assert.NotNull(food);
        Assert.Equal(3, food.Posts);
        Assert.Equal(new Dictionary<string, long> { ["Peru"] = 3 }, food.ByCountry);
        Assert.Equal(new Dictionary<int, long> { [2020] = 2, [2021] = 1 }, food.ByPostYear);
        Assert.Equal(new Dictionary<string, long> { ["18-24"] = 1, ["36-50"] = 1, ["50+"] = 1 }, food.ByAgeGroup);

        var top = await run.Queries.TopProfilesAsync(10);
        Assert.Equal("bob", top.Profiles[0].PosterName);
        Assert.Equal(["ann", "cat", "dan"], (await run.Queries.TopProfilesAsync(10, category: "food")).Profiles.Select(p => p.PosterName).Order());
        var categories = await run.Queries.TopCategoriesAsync("1h");
        Assert.Equal([("food", 3L), ("art", 2L), ("travel", 2L)], categories.Categories.Select(c => (c.Category, c.Posts)));
    }

    [Fact]
    public async Task The_live_metrics_equal_a_plain_LINQ_computation_over_the_same_records()
    {
        var records = SyntheticPosts.Records(1200, seed: 5);
        var run = new LiveRun(Sys, await LiveTestSystem.StartAsync(Sys));

        var positions = await run.RunAsync(SyntheticPosts.Stream(records, seed: 5));

        Assert.NotEmpty(positions);
        var expected = ReferenceMetrics.Compute(records).Select(ReferenceMetrics.Render).ToList();
        Assert.All(expected, table => Assert.Contains('\n', table));
        Assert.Equal(expected, (await run.MetricsAsync()).Select(ReferenceMetrics.Render));
    }

    [Fact]
    public async Task Records_replayed_at_or_below_the_applied_positions_change_nothing()
    {
        var records = SyntheticPosts.Records(200, seed: 9);
        var stream = SyntheticPosts.Stream(records, seed: 9);
        var run = new LiveRun(Sys, await LiveTestSystem.StartAsync(Sys));
        await run.RunAsync(stream);
        var before = await StateAsync(run);

        await run.RunAsync(stream);
        await run.RunAsync(stream.Skip(stream.Count / 2));

        Assert.Equal(before, await StateAsync(run));
        Assert.Equal(ReferenceMetrics.Compute(records).Select(ReferenceMetrics.Render), (await run.MetricsAsync()).Select(ReferenceMetrics.Render));
    }

    /// <summary>Everything queryable, as text: metrics, some profiles and categories, the boards.</summary>
    internal static async Task<string> StateAsync(LiveRun run)
    {
        var queries = run.Queries;
        var parts = (await run.MetricsAsync()).Select(ReferenceMetrics.Render).ToList();
        foreach (var poster in Enumerable.Range(0, 40).Select(i => $"poster-{i:D4}"))
            parts.Add(Describe(await queries.ProfileAsync(poster)));
        foreach (var category in new[] { "art", "finance", "travel", "none" })
            parts.Add(Describe(await queries.CategoryAsync(category)));
        parts.Add(string.Join(",", (await queries.TopProfilesAsync(20)).Profiles));
        parts.Add(string.Join(",", (await queries.TopProfilesAsync(5, country: "Chad")).Profiles));
        parts.Add(string.Join(",", (await queries.TopCategoriesAsync("24h")).Categories));
        return string.Join("\n", parts);
    }

    private static string Describe(Pipeline.Actors.Profiles.ProfileView? view) => view is null ? "none" :
        $"{view.PosterName} {view.FollowerCount} {view.Posts} {view.PostsLast1h} {view.PostsLast24h} {view.PostsLast7d} {view.Popularity:R} {string.Join(",", view.Categories)}";

    private static string Describe(Pipeline.Actors.Categories.CategoryView? view) => view is null ? "none" :
        $"{view.Category} {view.Posts} {string.Join(",", view.ByCountry)} {string.Join(",", view.ByPostYear)} {string.Join(",", view.ByAgeGroup)} {view.PostsLast1h} {view.PostsLast24h} {view.PostsLast7d}";
}
